#!/usr/bin/env bash
# PostgreSQL's first start (docker-entrypoint-initdb.d): one database and login per service and one for Keycloak,
# each login owning its database (the services' row-level security holds for the owner too: ADR 0009).
set -euo pipefail
for db in members proposals consultation notification keycloak; do
  var="${db^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 -U postgres -v db="$db" -v pw="${!var}" <<'SQL'
create role :"db" login password :'pw';
create database :"db" owner :"db" encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0;
SQL
done
