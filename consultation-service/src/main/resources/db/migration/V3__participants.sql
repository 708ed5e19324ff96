-- The committee's members (from members.events), to invite by user name.
create table member_roster (
    committee varchar(6)   not null,
    user_id   varchar(64)  not null,
    username  varchar(64)  not null,
    name      varchar(100) not null,
    primary key (committee, user_id)
);
create index member_roster_by_username on member_roster (committee, username);

-- Who was invited to an activity and how they took part: attendance is recorded once per person.
create table participant (
    activity_id uuid         not null references activity (id),
    committee   varchar(6)   not null,
    user_id     varchar(64)  not null,
    username    varchar(64)  not null,
    name        varchar(100) not null,
    status      varchar(30)  not null,
    spoke       boolean      not null default false,
    updated_at  timestamptz  not null,
    primary key (activity_id, user_id)
);
