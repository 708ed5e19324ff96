-- Consultation activities and their invitees, as consultation-service announced them: the day-before reminder goes to
-- those invited (not on leave) at the activity's current time, and a move (改期) is told to them.
create table consultation_activity (
    id         varchar(36)   primary key,
    committee  varchar(6)    not null,
    title      varchar(200)  not null,
    starts_at  timestamptz   not null,
    location   varchar(200)  not null,
    cancelled  boolean       not null default false
);
create table consultation_invitee (
    activity_id  varchar(36)  not null references consultation_activity (id),
    committee    varchar(6)   not null,
    user_id      varchar(64)  not null,
    on_leave     boolean      not null default false,
    primary key (activity_id, user_id)
);

insert into template (category, channel, locale, title, body, updated_at) values
('consultation.rescheduled', 'INBOX', 'zh-CN', '协商活动改期', '“{title}”改于{when}在{location}举行（原定{previous}）。原因：{reason}', now()),
('consultation.rescheduled', 'INBOX', 'en', 'Activity moved', '"{title}" now takes place {when} at {location} (was {previous}). Reason: {reason}', now()),
('consultation.rescheduled', 'SMS', 'zh-CN', '', '【政协】“{title}”改于{when}在{location}举行，请合理安排。', now());
