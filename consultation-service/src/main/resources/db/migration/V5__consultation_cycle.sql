-- The consultation cycle: the year's plan and its topics (议题), answers to invitations (accept, 请假), check-in by a
-- code shown at the venue, opinions (意见建议) with their adoption, transformation (成果转化) and feedback, and the
-- reports (综合报告, 分报告) that carry them to leaders for their 批示.

create table consultation_plan (
    id            uuid          primary key,
    committee     varchar(6)    not null,
    year          integer       not null,
    title         varchar(200)  not null,
    status        varchar(20)   not null,   -- DRAFT | PUBLISHED
    published_at  timestamptz,
    created_by    varchar(64)   not null,
    created_at    timestamptz   not null,
    version       bigint        not null default 0,
    unique (committee, year)
);

create table consultation_topic (
    id           uuid          primary key,
    committee    varchar(6)    not null,
    plan_id      uuid          not null references consultation_plan (id),
    title        varchar(200)  not null,
    form         varchar(30)   not null,
    owner        varchar(100)  not null,   -- the special committee or office that leads it (牵头单位)
    leaders      varchar(200),             -- the committee leaders taking part
    department   varchar(100),             -- 对口协商: the matching government department
    planned_for  date          not null,
    status       varchar(20)   not null,   -- PLANNED | IN_PROGRESS | CONCLUDED
    position     integer       not null,
    version      bigint        not null default 0
);
create index topic_by_plan on consultation_topic (plan_id, position);

alter table activity add column topic_id uuid references consultation_topic (id);
create index activity_by_topic on activity (topic_id) where topic_id is not null;

-- a member's answer to an invitation
alter table participant add column answer varchar(20);          -- ACCEPTED | LEAVE_REQUESTED
alter table participant add column answer_reason varchar(500);
alter table participant add column checked_in_at timestamptz;

-- 签到码: shown at the venue for a time window; only its hash is kept
create table check_in_code (
    activity_id  uuid          primary key references activity (id),
    committee    varchar(6)    not null,
    code_hash    varchar(64)   not null,
    valid_from   timestamptz   not null,
    valid_until  timestamptz   not null,
    created_by   varchar(64)   not null
);

create table consultation_opinion (
    id                  uuid           primary key,
    committee           varchar(6)     not null,
    activity_id         uuid           not null references activity (id),
    author_user_id      varchar(64),              -- null for a guest's opinion recorded by staff
    author_name         varchar(100)   not null,
    text                varchar(4000)  not null,
    status              varchar(20)    not null,  -- RAISED | MERGED | ADOPTED | TRANSFORMED
    merged_into         uuid           references consultation_opinion (id),
    adopted_by          varchar(200),
    adopted_at          timestamptz,
    transform_department varchar(100),
    transform_result    varchar(2000),
    transformed_on      date,
    feedback            varchar(2000),
    feedback_at         timestamptz,
    created_at          timestamptz    not null,
    version             bigint         not null default 0
);
create index opinion_by_activity on consultation_opinion (activity_id, created_at);
create index opinion_by_author on consultation_opinion (committee, author_user_id);

create table consultation_report (
    id             uuid           primary key,
    committee      varchar(6)     not null,
    topic_id       uuid           not null references consultation_topic (id),
    kind           varchar(20)    not null,   -- COMPREHENSIVE (综合报告) | PARTIAL (分报告)
    title          varchar(200)   not null,
    body           varchar(20000) not null,
    submitted_to   varchar(200)   not null,   -- the leaders it is sent to
    instruction    varchar(2000),             -- 批示
    instructed_by  varchar(100),
    instructed_at  timestamptz,
    created_by     varchar(64)    not null,
    created_at     timestamptz    not null,
    version        bigint         not null default 0
);
create index report_by_topic on consultation_report (topic_id, created_at);

create table report_opinion (
    report_id   uuid        not null references consultation_report (id),
    opinion_id  uuid        not null references consultation_opinion (id),
    committee   varchar(6)  not null,
    primary key (report_id, opinion_id)
);

-- wrong check-in codes a person has tried (after 10, only staff can record their attendance)
alter table participant add column check_in_failures integer not null default 0;
