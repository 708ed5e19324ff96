#!/usr/bin/env bash
# Writes deploy/compose/.env with fresh random passwords, once (an existing .env is kept: the databases have them).
set -euo pipefail
env="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.env"
if [ -f "$env" ]; then echo "$env exists; kept"; exit 0; fi
pw() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
umask 077
{
  for v in POSTGRES_PASSWORD MEMBERS_DB_PASSWORD PROPOSALS_DB_PASSWORD CONSULTATION_DB_PASSWORD NOTIFICATION_DB_PASSWORD \
           KEYCLOAK_DB_PASSWORD KEYCLOAK_ADMIN_PASSWORD; do
    echo "$v=$(pw)"
  done
} > "$env"
echo "wrote $env (Keycloak's admin console: kcadmin / KEYCLOAK_ADMIN_PASSWORD from it)"
