-- 社情民意信息: members' short reports on conditions and opinions; the office adopts (采用) them and
-- records the leaders' instructions (批示). Each step feeds the author's 履职 record.
create table opinion_report (
    id             uuid primary key,
    committee      varchar(6)    not null references committee (code),
    title          varchar(200)  not null,
    body           text          not null,
    author_user_id varchar(64)   not null,
    author_name    varchar(100)  not null,
    status         varchar(20)   not null,
    adopted_by     varchar(200),
    decline_reason varchar(500),
    instructed_by  varchar(100),
    instruction    varchar(2000),
    submitted_at   timestamptz   not null,
    decided_at     timestamptz,
    version        bigint        not null default 0
);
create index opinion_report_by_committee on opinion_report (committee, id desc);
create index opinion_report_by_author on opinion_report (committee, author_user_id, id desc);
