-- 提案 proposals. Every row carries its committee (the tenant); Hibernate filters by it.
create table proposal (
    id              uuid primary key,
    committee       varchar(6)   not null references committee (code),
    title           varchar(200) not null,
    body            text         not null,
    kind            varchar(20)  not null,
    status          varchar(20)  not null,
    author_user_id  varchar(64)  not null,
    author_name     varchar(100) not null,
    publish_consent boolean      not null,
    submitted_at    timestamptz  not null,
    version         bigint       not null default 0
);
create index proposal_by_committee on proposal (committee, id desc);
create index proposal_by_author on proposal (committee, author_user_id, id desc);

-- 承办单位 handling units of a committee, and their officers (Keycloak users with the handling-unit role).
create table handling_unit (
    id         uuid primary key,
    committee  varchar(6)   not null references committee (code),
    name       varchar(100) not null,
    created_at timestamptz  not null,
    unique (committee, name)
);
create table handling_unit_officer (
    unit_id  uuid        not null references handling_unit (id) on delete cascade,
    username varchar(64) not null,
    primary key (unit_id, username)
);
