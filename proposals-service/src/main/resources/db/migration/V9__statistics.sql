-- 统计: a proposal keeps its author's sector at submission (界别 figures stay as they were when it was filed), and
-- the figures of a session are counted from an index on (committee, term, session, status). Assignments, replies
-- and feedback are reached through the unique indexes they already have (proposal_id / assignment_id first).
alter table member_roster add column sector varchar(50);
alter table proposal add column author_sector varchar(50);
create index proposal_by_session on proposal (committee, term, session, status);
