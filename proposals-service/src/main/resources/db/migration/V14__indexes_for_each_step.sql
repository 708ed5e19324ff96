-- What each proposal step and the office's pages look up, by an index rather than a scan (the performance review of
-- issue 13): a proposal's handling notes, the committee's ratings page (newest first), the units an officer belongs
-- to (asked several times per step).
create index handling_note_by_proposal on handling_note (proposal_id, written_at);
create index feedback_by_committee on feedback (committee, id desc);
create index handling_unit_officer_by_username on handling_unit_officer (username);
-- 督办: the open assignments nearest their deadline, a bounded range of an index (a national session has tens of
-- thousands open).
create index assignment_open_by_deadline on assignment (committee, deadline) where status = 'OPEN';
