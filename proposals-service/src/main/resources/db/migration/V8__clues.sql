-- 订单式提案: handling units post proposal clues (线索) they want members to research; members take them (several
-- may) and the proposals they write are linked to the clue.
create table clue (
    id              uuid          primary key,
    committee       varchar(6)    not null,
    unit_id         uuid          not null references handling_unit (id),
    title           varchar(200)  not null,   -- the topic
    description     varchar(4000) not null,
    research_needs  varchar(4000),            -- what the unit wants researched
    contact_name    varchar(100),
    contact_phone   varchar(30),
    open_until      date          not null,   -- in the committee's calendar (Asia/Shanghai)
    status          varchar(20)   not null,   -- OPEN | CLOSED
    term            integer       not null,
    session         integer       not null,
    posted_by       varchar(64)   not null,
    posted_at       timestamptz   not null,
    closed_at       timestamptz,
    version         bigint        not null default 0
);
create index clue_board on clue (committee, status, open_until, id desc);
create index clue_by_unit on clue (committee, unit_id, id desc);
create index clue_by_session on clue (committee, term, session);

create table clue_taker (
    id         uuid         primary key,
    committee  varchar(6)   not null,
    clue_id    uuid         not null references clue (id),
    user_id    varchar(64)  not null,
    name       varchar(100) not null,
    taken_at   timestamptz  not null,
    unique (clue_id, user_id)
);

alter table proposal add column clue_id uuid references clue (id);
create index proposal_by_clue on proposal (clue_id) where clue_id is not null;
