-- 发言: a member's speech, submitted before the activity and marked delivered at it.
create table speech (
    id            uuid           primary key,
    committee     varchar(6)     not null,
    activity_id   uuid           not null references activity (id),
    user_id       varchar(64)    not null,
    name          varchar(100)   not null,
    title         varchar(200)   not null,
    text          varchar(20000) not null,
    status        varchar(20)    not null,   -- SUBMITTED | DELIVERED
    submitted_at  timestamptz    not null,
    delivered_at  timestamptz,
    unique (activity_id, user_id, title)
);
create index speech_by_activity on speech (activity_id, submitted_at);

-- 身边事好商量: residents sign up without an account, within the activity's capacity (then a waiting list), with
-- their consent to the minimal data kept (a name and a phone), and cancel by the link they were given.
alter table activity add column capacity integer;
alter table activity add column open_to_residents boolean not null default false;

create table resident_registration (
    id                 uuid          primary key,
    committee          varchar(6)    not null,
    activity_id        uuid          not null references activity (id),
    name               varchar(50)   not null,
    phone              varchar(20)   not null,
    status             varchar(20)   not null,   -- REGISTERED | WAITING | CANCELLED
    cancel_token_hash  varchar(64)   not null unique,
    consented_at       timestamptz   not null,
    created_at         timestamptz   not null,
    cancelled_at       timestamptz
);
create index registration_by_activity on resident_registration (activity_id, status, created_at);
create unique index one_registration_per_phone on resident_registration (activity_id, phone) where status <> 'CANCELLED';
