-- Row-level security (ADR 0009): whether a row of a committee is visible to this connection, from the
-- cppcc.committee setting that CommitteeScope sets each time the pool hands the connection out: one
-- committee code, '*' for work that crosses committees on purpose, '' for nothing. The policies themselves
-- are applied by afterMigrate.sql to every table with a committee column.
create or replace function cppcc_committee_visible(c text) returns boolean
    language sql stable parallel safe as
$$ select c = current_setting('cppcc.committee', true) or current_setting('cppcc.committee', true) = '*' $$;
