-- A scratch copy of the submission's tables, with the same columns, defaults and indexes, for pgbench to write into.
drop schema if exists bench cascade;
create schema bench;
create table bench.proposal (like public.proposal including all);
create table bench.outbox_event (like public.outbox_event including all);
