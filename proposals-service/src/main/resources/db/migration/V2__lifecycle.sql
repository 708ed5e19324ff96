-- The proposal's life after submission: review (立案), assignment (交办), handling (办理), reply (答复),
-- feedback (反馈), disclosure (公开), archive (归档), and the audit of every transition.

alter table proposal alter column submitted_at drop not null;
alter table proposal add column term int;
alter table proposal add column session int;
alter table proposal add column number varchar(40);
alter table proposal add column registered_at timestamptz;
alter table proposal add column decision_reason varchar(1000);
alter table proposal add column handling_round int not null default 0;
alter table proposal add column published boolean not null default false;
alter table proposal add column published_at timestamptz;
alter table proposal add column key_proposal boolean not null default false;
alter table proposal add column supervising_leader varchar(100);
create unique index proposal_number on proposal (committee, term, session, number) where number is not null;

-- Settings of a committee's proposal office.
create table proposal_settings (
    committee          varchar(6) primary key references committee (code),
    term               int not null,
    session            int not null,
    deadline_days      int not null,
    return_window_days int not null
);

-- Next registration number per committee and session.
create table proposal_counter (
    committee varchar(6) not null,
    term      int        not null,
    session   int        not null,
    next      int        not null,
    primary key (committee, term, session)
);

-- 交办: one row per unit a proposal is assigned to, per handling round.
create table assignment (
    id             uuid primary key,
    committee      varchar(6)   not null,
    proposal_id    uuid         not null references proposal (id),
    unit_id        uuid         not null references handling_unit (id),
    role           varchar(10)  not null,
    handling_round int          not null,
    deadline       date         not null,
    status         varchar(20)  not null,
    assigned_at    timestamptz  not null,
    version        bigint       not null default 0,
    unique (proposal_id, unit_id, handling_round)
);
create index assignment_by_unit on assignment (committee, unit_id, deadline);

-- 答复: the lead unit's reply letter.
create table reply (
    id             uuid primary key,
    committee      varchar(6)    not null,
    proposal_id    uuid          not null references proposal (id),
    assignment_id  uuid          not null references assignment (id),
    classification varchar(1)    not null,
    body           text          not null,
    replied_by     varchar(64)   not null,
    replied_at     timestamptz   not null,
    unique (assignment_id)
);

-- 办理过程: contact with the proposer, progress, co-handlers' opinions to the lead.
create table handling_note (
    id            uuid primary key,
    committee     varchar(6)   not null,
    proposal_id   uuid         not null references proposal (id),
    assignment_id uuid         not null references assignment (id),
    kind          varchar(20)  not null,
    body          text         not null,
    written_by    varchar(64)  not null,
    written_at    timestamptz  not null
);

-- 反馈: the proposer's rating of a round's reply and contact.
create table feedback (
    id             uuid primary key,
    committee      varchar(6)  not null,
    proposal_id    uuid        not null references proposal (id),
    handling_round int         not null,
    user_id        varchar(64) not null,
    reply_rating   varchar(20) not null,
    contact_rating varchar(20) not null,
    comment        varchar(2000),
    given_at       timestamptz not null,
    unique (proposal_id, handling_round, user_id)
);

-- Every transition: who, in which committee and role, when, from and to which state.
create table proposal_transition (
    id          uuid primary key,
    committee   varchar(6)   not null,
    proposal_id uuid         not null references proposal (id),
    action      varchar(30)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    actor_id    varchar(64)  not null,
    actor_name  varchar(100) not null,
    actor_role  varchar(30)  not null,
    note        varchar(2000),
    at          timestamptz  not null
);
create index transition_by_proposal on proposal_transition (proposal_id, at);
