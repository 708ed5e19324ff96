-- Who changed what, in which committee: every successful change made through the API (AuditTrail). Append-only:
-- the database refuses updates and deletes (an archive of old years is an operator's export, not a delete).
create table audit_log (
    id         uuid        primary key,
    committee  varchar(6)  not null,
    at         timestamptz not null,
    actor_id   text        not null,
    actor_name text,
    action     text        not null,  -- e.g. "POST /committees/{code}/members/{id}/end"
    target_id  text,
    status     int         not null
);
create index audit_log_by_committee on audit_log (committee, id desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update on audit_log for each row execute function audit_log_append_only();
create trigger audit_log_no_delete before delete on audit_log for each row execute function audit_log_append_only();
