#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 from Debian's packages and
# prints the DATABASE_URL to use. Usage: eval "$(bash .ci/start-postgres.sh PORT)"
set -euo pipefail
port="${1:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
data="$(mktemp -d /tmp/markedsdialog-pg.XXXXXX)"
chown postgres:postgres "$data"
runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" start >/dev/null
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export PG_DATA_DIR=$data"
echo "export PG_BIN=$bin"
