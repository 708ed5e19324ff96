-- A reply letter's attachments (size-limited), and the reply a unit is drafting.
create table reply_attachment (
    id           uuid primary key,
    committee    varchar(6)   not null,
    reply_id     uuid         not null references reply (id),
    name         varchar(200) not null,
    content_type varchar(100) not null,
    size         int          not null,
    content      bytea        not null
);
create index reply_attachment_by_reply on reply_attachment (reply_id);

create table reply_draft (
    assignment_id  uuid primary key references assignment (id),
    committee      varchar(6)  not null,
    classification varchar(1),
    body           text        not null,
    updated_by     varchar(64) not null,
    updated_at     timestamptz not null
);
