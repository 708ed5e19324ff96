-- A row Kafka refuses for good (too large, invalid) is parked after a few attempts instead of holding up
-- every later event; operators list and replay parked rows (/admin/outbox).
alter table outbox_event add column parked_at timestamptz;

-- Dead letters an operator replayed (/admin/dead-letters): a dead letter is replayed once.
create table dead_letter_replay (
    dead_letter text        primary key,  -- topic/partition/offset of the dead letter
    event_id    text,
    replayed_at timestamptz not null,
    replayed_by text        not null
);
