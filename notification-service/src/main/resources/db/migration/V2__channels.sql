-- Channels beyond the inbox: who the recipients are, what they prefer, and every delivery's status.

-- Read model of members (from MemberJoined): contact details for e-mail and SMS.
create table recipient (
    committee varchar(6)   not null,
    user_id   varchar(64)  not null,
    username  varchar(64)  not null,
    name      varchar(100) not null,
    email     varchar(200),
    mobile    varchar(30),
    primary key (committee, user_id)
);
create index recipient_by_user on recipient (user_id);

-- Read model of handling units' officers (from HandlingUnitRegistered).
create table unit_officer (
    unit_id   varchar(64)  not null,
    committee varchar(6)   not null,
    unit_name varchar(100) not null,
    username  varchar(64)  not null,
    primary key (unit_id, username)
);

alter table notification add column priority varchar(10) not null default 'NORMAL';
alter table notification add column data text;

-- A person's settings and their choices per category.
create table user_setting (
    user_id     varchar(64) primary key,
    locale      varchar(10) not null default 'zh-CN',
    quiet_start time,
    quiet_end   time
);
create table channel_preference (
    user_id  varchar(64) not null,
    category varchar(40) not null,
    channels varchar(40) not null,
    digest   boolean     not null,
    primary key (user_id, category)
);

-- App devices for push.
create table device (
    token         varchar(300) primary key,
    user_id       varchar(64)  not null,
    platform      varchar(10)  not null,
    registered_at timestamptz  not null
);
create index device_by_user on device (user_id);

-- Templates per category, channel and locale, editable by an administrator (Qute syntax).
create table template (
    category   varchar(40)  not null,
    channel    varchar(10)  not null,
    locale     varchar(10)  not null,
    title      varchar(300) not null,
    body       text         not null,
    updated_at timestamptz  not null,
    primary key (category, channel, locale)
);

-- One row per notification, person and external channel: the unit of sending, retrying and status.
create table delivery (
    id              uuid primary key,
    committee       varchar(6)  not null,
    notification_id uuid        not null references notification (id) on delete cascade,
    user_id         varchar(64) not null,
    channel         varchar(10) not null,
    status          varchar(10) not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    provider_ref    varchar(200),
    created_at      timestamptz not null,
    sent_at         timestamptz,
    delivered_at    timestamptz,
    version         bigint      not null default 0,
    unique (notification_id, user_id, channel)
);
create index delivery_due on delivery (channel, next_attempt_at) where status = 'QUEUED';
create index delivery_by_committee_status on delivery (committee, status, id desc);
create index delivery_digest on delivery (user_id) where status = 'DIGEST';

-- Scheduled messages announced by events (a meeting tomorrow), cancelled when the thing is done.
create table reminder (
    id            uuid primary key,
    committee     varchar(6)   not null,
    subject_key   varchar(100) not null,
    fire_at       timestamptz  not null,
    category      varchar(40)  not null,
    audience_kind varchar(10)  not null,
    audience      varchar(100) not null,
    data          text         not null,
    link          text,
    status        varchar(10)  not null,
    unique (subject_key, category, audience_kind, audience)
);
create index reminder_due on reminder (fire_at) where status = 'SCHEDULED';

-- Announcements to a whole committee, fanned out in batches.
create table broadcast (
    id          uuid primary key,
    committee   varchar(6)   not null,
    title       varchar(200) not null,
    body        text         not null,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    status      varchar(10)  not null,
    recipients  int          not null default 0,
    fanned_out  int          not null default 0,
    last_user   varchar(64),
    version     bigint       not null default 0
);
