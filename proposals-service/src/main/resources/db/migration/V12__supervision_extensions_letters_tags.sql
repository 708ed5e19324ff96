-- 督办 by leaders and special committees, 延期, escalation of overdue items, 建议案, letters (转来信) and subject tags.

-- Who may supervise a key proposal: the committee's leaders (holders of its leader role) and its special committees,
-- as members-service last announced them (LeadersChanged, SpecialCommitteesChanged: whole lists).
create table supervisor (
    committee  varchar(6)   not null,
    kind       varchar(20)  not null,   -- LEADER | SPECIAL_COMMITTEE
    ref        varchar(100) not null,   -- the leader's user name, or the special committee's name
    user_id    varchar(64),             -- the leader's account
    name       varchar(100) not null,
    position   integer      not null,
    primary key (committee, kind, ref)
);

alter table proposal add column supervisor_kind varchar(20);
alter table proposal add column supervisor_ref varchar(100);
alter table proposal add column supervisor_user_id varchar(64);
create index proposal_by_supervising_leader on proposal (committee, supervisor_user_id) where supervisor_user_id is not null;

-- 督办 actions: a meeting, a visit, an instruction (批示) about a key proposal.
create table supervision_action (
    id           uuid          primary key,
    committee    varchar(6)    not null,
    proposal_id  uuid          not null references proposal (id),
    action       varchar(20)   not null,   -- MEETING | VISIT | INSTRUCTION | OTHER
    note         varchar(2000) not null,
    happened_on  date          not null,
    recorded_by  varchar(64)   not null,
    by_name      varchar(100)  not null,
    recorded_at  timestamptz   not null
);
create index supervision_action_by_proposal on supervision_action (proposal_id, recorded_at);

-- 延期: a unit asks to move the deadline of its open assignment; the office approves or refuses.
create table extension_request (
    id                 uuid          primary key,
    committee          varchar(6)    not null,
    proposal_id        uuid          not null references proposal (id),
    assignment_id      uuid          not null references assignment (id),
    unit_id            uuid          not null references handling_unit (id),
    current_deadline   date          not null,
    requested_deadline date          not null,
    reason             varchar(1000) not null,
    status             varchar(20)   not null,   -- REQUESTED | APPROVED | REFUSED
    requested_by       varchar(64)   not null,
    requested_at       timestamptz   not null,
    decided_by         varchar(64),
    decided_at         timestamptz,
    note               varchar(1000),
    version            bigint        not null default 0
);
create unique index one_open_extension_per_assignment on extension_request (assignment_id) where status = 'REQUESTED';
create index extension_by_proposal on extension_request (proposal_id, requested_at);
create index extension_queue on extension_request (committee, status, requested_at);
alter table assignment add column extended boolean not null default false;

-- Escalation of an overdue item: days after the deadline it goes to the unit again, to the office, to the leader.
alter table proposal_settings add column escalate_unit_after_days integer not null default 1;
alter table proposal_settings add column escalate_office_after_days integer not null default 3;
alter table proposal_settings add column escalate_leader_after_days integer not null default 10;

-- 转来信: a proposal not registered and turned into a letter, forwarded to a department, answered.
create table letter (
    id              uuid          primary key,
    committee       varchar(6)    not null,
    proposal_id     uuid          not null unique references proposal (id),
    title           varchar(200)  not null,
    author_user_id  varchar(64)   not null,
    author_name     varchar(100)  not null,
    status          varchar(20)   not null,   -- OPEN | FORWARDED | ANSWERED
    unit_id         uuid          references handling_unit (id),
    forwarded_at    timestamptz,
    answer          varchar(4000),
    answered_at     timestamptz,
    created_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index letter_board on letter (committee, status, created_at desc);
create index letter_by_unit on letter (committee, unit_id, created_at desc) where unit_id is not null;

-- Subject tags (e.g. 教育, 养老, 营商环境), given by the author and corrected by the office; searched and counted.
alter table proposal add column tags varchar(20)[] not null default '{}';
create index proposal_tags on proposal using gin (tags);
