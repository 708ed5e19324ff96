#!/usr/bin/env bash
# The Secrets the dev overlay needs that no operator makes, with fresh random values (nothing secret is kept in the
# repository). CloudNativePG makes each database's login (<db>-db-app) and Strimzi its certificates by themselves.
#   deploy/k8s/overlays/dev/make-secrets.sh [namespace, default cppcc-dev]   (needs kubectl and openssl)
set -euo pipefail
ns="${1:-cppcc-dev}"
kubectl get namespace "$ns" > /dev/null 2>&1 || kubectl create namespace "$ns"
apply() { kubectl -n "$ns" create secret "$@" --dry-run=client -o yaml | kubectl -n "$ns" apply -f -; }
# members-service's client in the realm (the realm import reads the same Secret), and the apps' host for its redirects
apply generic cppcc-members-client --from-literal=secret="$(openssl rand -hex 24)" --from-literal=app-host=api.cppcc-dev.example.cn
# self-signed TLS for Keycloak's and the API's hosts (a real deployment uses its CA's, or cert-manager's)
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for host in auth.cppcc-dev.example.cn api.cppcc-dev.example.cn; do
  openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=$host" -keyout "$tmp/$host.key" -out "$tmp/$host.crt" 2> /dev/null
done
apply tls cppcc-keycloak-tls --cert="$tmp/auth.cppcc-dev.example.cn.crt" --key="$tmp/auth.cppcc-dev.example.cn.key"
apply tls cppcc-api-tls --cert="$tmp/api.cppcc-dev.example.cn.crt" --key="$tmp/api.cppcc-dev.example.cn.key"
echo "secrets ready in $ns"
