-- 统计 at a national session's scale (100,000 proposals, well under 200 ms): a unit's figures are counted from its
-- assignments alone. Each assignment carries its proposal's session, its reply's time and class, and the proposer's
-- rating of the round it led — written by the step that makes them (交办, 答复, 反馈) — so the per-unit figures are one
-- index scan of the session's assignments instead of a join of assignments, proposals, replies and ratings.
alter table assignment add column term integer;
alter table assignment add column session integer;
alter table assignment add column replied_at timestamptz;
alter table assignment add column classification varchar(1);
alter table assignment add column reply_rating varchar(30);

select set_config('cppcc.committee', '*', true); -- a migration is no request: every committee's rows
update assignment a set term = p.term, session = p.session from proposal p where p.id = a.proposal_id;
update assignment a set replied_at = r.replied_at, classification = r.classification from reply r where r.assignment_id = a.id;
update assignment a set reply_rating = f.reply_rating
  from proposal p, feedback f
 where a.role = 'LEAD' and p.id = a.proposal_id and f.proposal_id = a.proposal_id and f.handling_round = a.handling_round
   and f.user_id = p.author_user_id;

create index assignment_figures on assignment (committee, term, session)
    include (unit_id, role, handling_round, status, deadline, replied_at, classification, reply_rating, extended);
-- the proposals' own figures: one scan of the session's rows, grouped once
create index proposal_figures on proposal (committee, term, session)
    include (status, kind, author_sector, key_proposal, published, cultivated_from, clue_id, tags);
