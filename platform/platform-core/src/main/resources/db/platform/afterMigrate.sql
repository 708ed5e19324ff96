-- Row-level security on every table that has a committee column (ADR 0009), re-applied after each
-- migration so that a table added later is covered without anyone remembering to. A connection sees and
-- writes the rows of the committees in its cppcc.committee setting (set by CommitteeScope from the
-- request): one committee code, '*' for work that crosses committees on purpose, or '' for nothing.
-- FORCE makes the rule hold for the owning role too, which is the role the service connects as.
-- (cppcc_committee_visible: V0_5. A table with a policy of its own, such as cultivation, is left alone.)
do $$
declare
    t record;
begin
    for t in select c.table_name
               from information_schema.columns c
               join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
              where c.table_schema = current_schema() and c.column_name = 'committee' and tb.table_type = 'BASE TABLE'
                -- the outbox is the relay's, which publishes for every committee; its rows are events, not data
                and c.table_name not in ('outbox_event')
    loop
        -- only where missing: a start of one more instance takes no locks on tables already covered
        if not exists (select 1 from pg_policies p
                        where p.schemaname = current_schema() and p.tablename = t.table_name and p.policyname = 'committee_isolation') then
            execute format('alter table %I enable row level security', t.table_name);
            execute format('alter table %I force row level security', t.table_name);
            execute format('create policy committee_isolation on %I using (cppcc_committee_visible(committee)) '
                           'with check (cppcc_committee_visible(committee))', t.table_name);
        end if;
    end loop;
end
$$;
