#!/usr/bin/env bash
# Starts the whole platform on this machine (embedded default, no Docker): PostgreSQL, Kafka, Keycloak and
# the four services, with demo data, and the web console on http://localhost:8080. Builds what is missing first. Ctrl-C stops everything.
#   deploy/run.sh [--reset] [--state-dir DIR] [--rebuild]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rebuild=false
args=()
for a in "$@"; do
  if [ "$a" = "--rebuild" ]; then rebuild=true; else args+=("$a"); fi
done

stale() {
  [ -f deploy/target/classpath.txt ] || return 0
  for m in members-service proposals-service consultation-service notification-service; do
    jar="$m/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -n "$(find "$m/src/main" platform/platform-core/src/main -newer "$jar" -type f -print -quit)" ] && return 0
  done
  [ -f console/target/dist/index.html ] || return 0
  [ -n "$(find console/src console/index.html console/package.json -newer console/target/dist/index.html -type f -print -quit)" ] && return 0
  return 1
}

if $rebuild || stale; then
  echo "[cppcc] building (first time: a few minutes; Maven downloads PostgreSQL, Kafka and Keycloak from Maven Central)"
  mvn -q -B install -DskipTests
fi

exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/target/classes:$(cat deploy/target/classpath.txt)" org.cppcc.deploy.Launcher ${args[@]+"${args[@]}"}
