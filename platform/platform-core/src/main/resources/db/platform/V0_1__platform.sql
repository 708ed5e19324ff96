-- Platform tables present in every service's database (platform-core).

-- Transactional outbox: written with the state change, published by the relay.
create table outbox_event (
    id           uuid primary key,
    topic        text        not null,
    message_key  text        not null,
    type         text        not null,
    committee    text,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    attempts     int         not null default 0,
    last_error   text
);
create index outbox_event_unpublished on outbox_event (created_at, id) where published_at is null;

-- Idempotent consumers: one row per consumer and event id, written with the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key of creating POSTs.
create table idempotency_record (
    scope       text        not null,
    idem_key    text        not null,
    resource_id text,
    body        text,
    created_at  timestamptz not null,
    primary key (scope, idem_key)
);

-- Committees (tenants): owned by members-service, a read model everywhere else.
create table committee (
    code        varchar(6) primary key,
    name        text        not null,
    level       text        not null,
    parent_code varchar(6),
    updated_at  timestamptz not null
);
