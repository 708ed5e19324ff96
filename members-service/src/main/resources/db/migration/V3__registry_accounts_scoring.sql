-- Registry of a committee: terms (届) with their sessions (次会议), sectors (界别), special committees (专门委员会).
create table term (
    committee varchar(6)  not null references committee (code),
    number    int         not null,
    name      varchar(20) not null,
    starts_on date        not null,
    ends_on   date,
    primary key (committee, number)
);
create table term_session (
    committee   varchar(6)  not null,
    term_number int         not null,
    number      int         not null,
    name        varchar(40) not null,
    opens_on    date,
    primary key (committee, term_number, number),
    foreign key (committee, term_number) references term (committee, number) on delete cascade
);
-- sectors and special committees: named lists per committee, kept in the order staff gave them
create table registry_name (
    committee varchar(6)   not null references committee (code),
    list      varchar(20)  not null,
    name      varchar(100) not null,
    position  int          not null,
    primary key (committee, list, name)
);

-- Member profile additions, end of membership, and the state of their Keycloak account.
alter table member alter column user_id drop not null;
alter table member add column special_committee varchar(100);
-- 届 served, separated by ';'
alter table member add column terms_served varchar(300) not null default '';
alter table member add column status varchar(10) not null default 'ACTIVE';
alter table member add column ended_at timestamptz;
alter table member add column end_reason varchar(200);
-- PENDING: Keycloak does not yet reflect the registry (a reconciliation is due); SYNCED: it does.
alter table member add column account_state varchar(10) not null default 'PENDING';
alter table member add column account_error varchar(500);
alter table member add column account_synced_at timestamptz;
alter table member add constraint member_username_unique unique (committee, username);
create index member_account_pending on member (account_state) where account_state = 'PENDING';

-- 履职 scoring rules per committee (aspects, items, caps, grades, homework), one JSON document;
-- a committee without a row uses the platform default (six aspects).
create table scoring_rules (
    committee  varchar(6)  primary key references committee (code),
    rules      jsonb       not null,
    updated_by varchar(64) not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

-- A member's own record of something they did, confirmed (or rejected) by staff before it counts.
create table self_record (
    id             uuid primary key,
    committee      varchar(6)   not null references committee (code),
    member_id      uuid         not null references member (id),
    user_id        varchar(64)  not null,
    kind           varchar(40)  not null,
    title          varchar(300) not null,
    detail         text,
    occurred_on    date         not null,
    workstation_id uuid,
    status         varchar(10)  not null,
    reviewed_by    varchar(64),
    review_note    varchar(300),
    created_at     timestamptz  not null,
    reviewed_at    timestamptz
);
create index self_record_by_committee on self_record (committee, status, id desc);

-- 委员工作站 and the visits logged there.
create table workstation (
    id         uuid primary key,
    committee  varchar(6)   not null references committee (code),
    name       varchar(100) not null,
    address    varchar(200),
    created_at timestamptz  not null,
    unique (committee, name)
);
create table workstation_visit (
    id             uuid primary key,
    committee      varchar(6)  not null,
    workstation_id uuid        not null references workstation (id),
    member_id      uuid        not null references member (id),
    visited_on     date        not null,
    visitors       int         not null,
    summary        text        not null,
    cases          int         not null default 0,
    record_id      uuid        not null references self_record (id),
    created_at     timestamptz not null
);
create index visit_by_workstation on workstation_visit (workstation_id, visited_on desc);

create index performance_by_committee on performance_entry (committee, occurred_at);
alter table performance_entry drop column points;
