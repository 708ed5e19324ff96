-- 四级联动 (cross-level cultivation): one row per hop of an item from a committee to its parent. A journey
-- (root_id) is the chain of hops that began with one proposal or 社情民意 report of a lower committee.
create table cultivation (
    id                   uuid          primary key,
    root_id              uuid          not null,
    committee            varchar(6)    not null,   -- the recommending committee
    target_committee     varchar(6)    not null,   -- its parent, whose proposal office decides
    -- every committee on the journey so far: each follows the whole of it (lineage both ways)
    journey              varchar(6)[]  not null,
    source_kind          varchar(20)   not null,   -- PROPOSAL | OPINION_REPORT
    source_id            uuid          not null,
    source_number        varchar(40),
    title                varchar(200)  not null,
    body                 text          not null,
    author_user_id       varchar(64),
    author_name          varchar(100),
    note                 varchar(2000),
    status               varchar(20)   not null,   -- RECOMMENDED | ADOPTED | DECLINED
    recommended_by       varchar(64)   not null,
    recommended_at       timestamptz   not null,
    decided_by           varchar(64),
    decided_at           timestamptz,
    decline_reason       varchar(1000),
    -- what it became in the parent committee, followed as it moves on there
    adopted_proposal_id  uuid,
    adopted_as           varchar(20),              -- MEMBER | COLLECTIVE
    adopted_author_name  varchar(100),
    adopted_status       varchar(20),
    adopted_number       varchar(40),
    adopted_units        varchar(1000),
    adopted_result       varchar(1),               -- A/B/C of the lead unit's reply
    adopted_satisfaction varchar(20),
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    unique (source_kind, source_id, target_committee)
);
create index cultivation_queue on cultivation (target_committee, status, recommended_at desc);
create index cultivation_by_committee on cultivation (committee, recommended_at desc);
create index cultivation_by_root on cultivation (root_id);
create index cultivation_by_adopted on cultivation (adopted_proposal_id) where adopted_proposal_id is not null;

-- Row-level security of its own (afterMigrate.sql leaves a table that has the policy alone): a hop belongs
-- to every committee on its journey; it is written by the recommending or the deciding committee only.
alter table cultivation enable row level security;
alter table cultivation force row level security;
create policy committee_isolation on cultivation
    using (current_setting('cppcc.committee', true) = '*' or current_setting('cppcc.committee', true) = any (journey))
    with check (cppcc_committee_visible(committee) or cppcc_committee_visible(target_committee));

-- the hop a proposal was adopted from (its lineage downwards)
alter table proposal add column cultivated_from uuid;
