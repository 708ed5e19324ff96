-- 统计 without reading a session's proposals (ADR 0016). Every change of a proposal that moves it between figure
-- groups appends two rows here — -1 for the group it leaves, +1 for the one it joins — in the same transaction,
-- from a trigger, so no step can forget it. Appending takes no lock another step waits on (a counter row would).
-- A background fold (statistics/SessionFigureFold) replaces a session's rows by their sums now and then, so a read
-- sums a few hundred group rows plus the deltas since the last fold instead of 100,000 proposals.
create table proposal_figure (
    id           bigserial   primary key,
    committee    varchar(6)  not null,
    term         int         not null,
    session      int         not null,
    status       varchar(20) not null,
    kind         varchar(20) not null,
    sector       varchar(50) not null,   -- the author's sector kept at filing ('' when none)
    key_proposal boolean     not null,
    published    boolean     not null,
    from_below   boolean     not null,   -- adopted from a committee below (四级联动)
    on_clue      boolean     not null,   -- written on a clue (订单式)
    tags         varchar(20)[] not null,
    n            int         not null,   -- +1 / -1, or a folded sum
    folded       boolean     not null default false
);
create index proposal_figure_by_session on proposal_figure (committee, term, session)
    include (status, kind, sector, key_proposal, published, from_below, on_clue, tags, n);
create index proposal_figure_unfolded on proposal_figure (committee, term, session) where not folded;

create function proposal_figure_delta() returns trigger language plpgsql as $$
declare
    old_counts boolean := tg_op <> 'INSERT' and old.status <> 'DRAFT' and old.term is not null and old.session is not null;
    new_counts boolean := tg_op <> 'DELETE' and new.status <> 'DRAFT' and new.term is not null and new.session is not null;
begin
    if old_counts and new_counts
       and (old.committee, old.term, old.session, old.status, old.kind, coalesce(old.author_sector, ''), old.key_proposal,
            old.published, old.cultivated_from is not null, old.clue_id is not null, old.tags)
           is not distinct from
           (new.committee, new.term, new.session, new.status, new.kind, coalesce(new.author_sector, ''), new.key_proposal,
            new.published, new.cultivated_from is not null, new.clue_id is not null, new.tags) then
        return null; -- still in the same group: most updates (a handling note, a new version) end here
    end if;
    if old_counts then
        insert into proposal_figure (committee, term, session, status, kind, sector, key_proposal, published, from_below, on_clue, tags, n)
        values (old.committee, old.term, old.session, old.status, old.kind, coalesce(old.author_sector, ''), old.key_proposal,
                old.published, old.cultivated_from is not null, old.clue_id is not null, old.tags, -1);
    end if;
    if new_counts then
        insert into proposal_figure (committee, term, session, status, kind, sector, key_proposal, published, from_below, on_clue, tags, n)
        values (new.committee, new.term, new.session, new.status, new.kind, coalesce(new.author_sector, ''), new.key_proposal,
                new.published, new.cultivated_from is not null, new.clue_id is not null, new.tags, 1);
    end if;
    return null;
end
$$;

create trigger proposal_figures after insert or update or delete on proposal
    for each row execute function proposal_figure_delta();

-- the proposals there already, folded per group
select set_config('cppcc.committee', '*', true); -- a migration is no request: every committee's rows
insert into proposal_figure (committee, term, session, status, kind, sector, key_proposal, published, from_below, on_clue, tags, n, folded)
select committee, term, session, status, kind, coalesce(author_sector, ''), key_proposal, published, cultivated_from is not null,
       clue_id is not null, tags, count(*), true
  from proposal
 where status <> 'DRAFT' and term is not null and session is not null
 group by committee, term, session, status, kind, coalesce(author_sector, ''), key_proposal, published, cultivated_from is not null,
          clue_id is not null, tags;

-- V13's covering index served only the scan this table replaces (the session's exports, library filter and archive
-- find the session's rows by V9's proposal_by_session)
drop index proposal_figures;
