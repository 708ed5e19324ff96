#!/usr/bin/env bash
# The load-test harness: start the platform first (./deploy/run.sh --reset, in another terminal), then
#   bench/run.sh [seconds per run, default 20] [clients, default 8] [report folder, default docs/bench] [only the scenarios starting with, e.g. P1]
# Writes docs/bench/<date>.md and .svg. Needs pgbench and psql (Debian: postgresql-client), installed if missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if ! command -v pgbench > /dev/null; then
  sudo -n true 2> /dev/null && s=sudo || s=
  $s apt-get install -y -q postgresql-client
fi
[ -f bench/target/classpath.txt ] || mvn -q -B install -DskipTests -pl bench -am
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.cppcc.bench.Bench "$@"
