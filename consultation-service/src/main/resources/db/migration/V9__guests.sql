-- People without a member account invited to an activity — experts, department officials, democratic-party guests:
-- a guest record with the minimum (name, organisation, kind; a phone only if given), and whether they came.
create table guest (
    id            uuid          primary key,
    committee     varchar(6)    not null,
    activity_id   uuid          not null references activity (id),
    name          varchar(50)   not null,
    organisation  varchar(100)  not null,
    kind          varchar(20)   not null,   -- EXPERT | OFFICIAL | PARTY_GUEST | OTHER
    phone         varchar(20),
    attended      boolean,
    created_at    timestamptz   not null
);
create index guest_by_activity on guest (activity_id, created_at);
