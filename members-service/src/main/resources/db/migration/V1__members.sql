-- 委员 members of a committee. One person (Keycloak subject) can be a member of several committees.
create table member (
    id                 uuid primary key,
    committee          varchar(6)   not null references committee (code),
    user_id            varchar(64)  not null,
    username           varchar(64)  not null,
    name               varchar(100) not null,
    gender             varchar(10),
    ethnicity          varchar(20),
    party              varchar(50),
    sector             varchar(50),
    work_unit          varchar(200),
    job_title          varchar(100),
    standing_committee boolean      not null default false,
    joined_at          timestamptz  not null,
    version            bigint       not null default 0,
    unique (committee, user_id)
);
create index member_by_committee on member (committee, id desc);

-- 履职 duty-performance entries: one per thing a member did, linked to its evidence.
create table performance_entry (
    id              uuid primary key,
    committee       varchar(6)   not null,
    user_id         varchar(64)  not null,
    kind            varchar(40)  not null,
    points          numeric(6, 2) not null,
    title           varchar(300) not null,
    evidence_type   varchar(40)  not null,
    evidence_id     varchar(64)  not null,
    source_event_id text         not null unique,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null
);
create index performance_by_user on performance_entry (user_id, occurred_at desc);
