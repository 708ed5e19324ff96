-- A suspended committee is read-only everywhere (writes answer 423) until it is resumed.
alter table committee add column suspended boolean not null default false;
