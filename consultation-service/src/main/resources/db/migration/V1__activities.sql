-- 协商活动 consultation activities of a committee.
create table activity (
    id         uuid primary key,
    committee  varchar(6)   not null references committee (code),
    form       varchar(30)  not null,
    title      varchar(200) not null,
    starts_at  timestamptz  not null,
    location   varchar(200) not null,
    created_by varchar(64)  not null,
    created_at timestamptz  not null,
    version    bigint       not null default 0
);
create index activity_by_committee on activity (committee, id desc);
