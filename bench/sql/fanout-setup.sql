-- P4's limit: a scratch copy of the inbox table (same columns, defaults, unique key and indexes) for pgbench to
-- write a broadcast's batches into, run on notification-service's database.
drop schema if exists bench cascade;
create schema bench;
create table bench.notification (like public.notification including all);
