-- 网络议政: a moderated thread per online activity. Members post and reply; a post waits for the office (PENDING)
-- before the others see it (PUBLISHED); the office hides one with the reason (HIDDEN), which its author still sees.
create table thread_post (
    id              uuid          primary key,
    committee       varchar(6)    not null,
    activity_id     uuid          not null references activity (id),
    parent_id       uuid          references thread_post (id),
    author_user_id  varchar(64)   not null,
    author_name     varchar(100)  not null,
    text            varchar(5000) not null,
    status          varchar(20)   not null,   -- PENDING | PUBLISHED | HIDDEN
    hidden_reason   varchar(500),
    moderated_by    varchar(64),
    moderated_at    timestamptz,
    created_at      timestamptz   not null
);
create index thread_by_activity on thread_post (activity_id, status, created_at);

-- 身边事好商量: the key printed on the notice (its QR code) a resident signs up with; the office reads it back to print
alter table activity add column sign_up_key varchar(64);
