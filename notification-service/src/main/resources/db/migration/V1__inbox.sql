-- In-app inbox. A notification is addressed to one person (USER: their Keycloak subject) or to a role in a
-- committee (ROLE: "440112/proposal-office"), which everyone holding that role sees, each with their own read state.
create table notification (
    id            uuid primary key,
    committee     varchar(6),
    audience_kind varchar(10)  not null,
    audience      varchar(100) not null,
    category      varchar(40)  not null,
    title         varchar(200) not null,
    body          text         not null,
    link          text,
    event_id      text         not null,
    created_at    timestamptz  not null,
    -- one notification per event and recipient
    unique (event_id, audience_kind, audience)
);
create index notification_by_audience on notification (audience_kind, audience, id desc);

create table notification_read (
    notification_id uuid        not null references notification (id) on delete cascade,
    user_id         varchar(64) not null,
    read_at         timestamptz not null,
    primary key (notification_id, user_id)
);
