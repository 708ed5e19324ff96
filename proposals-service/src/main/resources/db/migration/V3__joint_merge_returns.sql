-- 联名 co-signers, 并案 merges, 集体提案, conversions of proposals not registered, units' return requests.

alter table proposal add column signing_deadline timestamptz;
alter table proposal add column on_behalf_of varchar(100);
alter table proposal add column merged_into uuid references proposal (id);
alter table proposal add column converted_to varchar(20);

-- Members of the committee (from MemberJoined): who may be invited to co-sign.
create table member_roster (
    committee varchar(6)   not null,
    user_id   varchar(64)  not null,
    username  varchar(64)  not null,
    name      varchar(100) not null,
    primary key (committee, user_id)
);
create index member_roster_by_username on member_roster (committee, username);

-- 联名: invitations to co-sign and their answers; only ACCEPTED co-signers count.
create table cosigner (
    proposal_id  uuid         not null references proposal (id),
    committee    varchar(6)   not null,
    user_id      varchar(64)  not null,
    username     varchar(64)  not null,
    name         varchar(100) not null,
    status       varchar(10)  not null,
    invited_at   timestamptz  not null,
    responded_at timestamptz,
    primary key (proposal_id, user_id)
);
create index cosigner_by_user on cosigner (committee, user_id, status);

alter table assignment add column return_reason varchar(1000);
