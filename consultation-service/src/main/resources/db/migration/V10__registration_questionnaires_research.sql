-- 报名: members sign up themselves for an activity open to them, within its capacity; then on a waiting list, from
-- which the first moves up when a place is given back.
alter table activity add column open_to_members boolean not null default false;
create table member_registration (
    activity_id  uuid          not null references activity (id),
    committee    varchar(6)    not null,
    user_id      varchar(64)   not null,
    username     varchar(64)   not null,
    name         varchar(100)  not null,
    status       varchar(20)   not null,   -- REGISTERED | WAITING | WITHDRAWN
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    primary key (activity_id, user_id)
);
create index member_registration_queue on member_registration (activity_id, status, created_at);

-- A guest's opinion names the guest's record (the office records it for them).
alter table consultation_opinion add column guest_id uuid references guest (id);

-- A speech's attachments (slides, data), size-limited like a reply letter's.
create table speech_attachment (
    id            uuid          primary key,
    committee     varchar(6)    not null,
    speech_id     uuid          not null references speech (id),
    name          varchar(200)  not null,
    content_type  varchar(100)  not null,
    size          integer       not null,
    content       bytea         not null
);
create index speech_attachment_by_speech on speech_attachment (speech_id);

-- 问卷: one per activity, its questions fixed once it opens; one response per participant.
create table questionnaire (
    id           uuid          primary key,
    committee    varchar(6)    not null,
    activity_id  uuid          not null unique references activity (id),
    title        varchar(200)  not null,
    questions    jsonb         not null,
    status       varchar(20)   not null,   -- DRAFT | OPEN | CLOSED
    created_at   timestamptz   not null,
    opened_at    timestamptz,
    closed_at    timestamptz
);
create table questionnaire_response (
    questionnaire_id  uuid          not null references questionnaire (id),
    committee         varchar(6)    not null,
    user_id           varchar(64)   not null,
    answers           jsonb         not null,
    submitted_at      timestamptz   not null,
    primary key (questionnaire_id, user_id)
);

-- 调研 "1+4+N": a topic's joint group (1), thematic groups under it (4), small teams (N); the research activities
-- (pre-research, expert interviews, visits) name their group and stage.
create table research_group (
    id          uuid          primary key,
    committee   varchar(6)    not null,
    topic_id    uuid          not null references consultation_topic (id),
    parent_id   uuid          references research_group (id),
    kind        varchar(20)   not null,   -- JOINT | THEMATIC | TEAM
    name        varchar(100)  not null,
    created_at  timestamptz   not null,
    unique (topic_id, name)
);
create unique index one_joint_group_per_topic on research_group (topic_id) where kind = 'JOINT';
create table research_group_member (
    group_id   uuid          not null references research_group (id),
    committee  varchar(6)    not null,
    user_id    varchar(64)   not null,
    username   varchar(64)   not null,
    name       varchar(100)  not null,
    role       varchar(10)   not null,   -- LEAD | MEMBER
    primary key (group_id, user_id)
);
alter table activity add column research_group_id uuid references research_group (id);
alter table activity add column research_stage varchar(20);   -- PRE_RESEARCH | INTERVIEW | VISIT | FIELD_STUDY
