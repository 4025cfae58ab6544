# Sourced by .ci/run: installs PostgreSQL (Debian package), starts a throwaway server as user
# `postgres` on a free port, and exports MARSAD_TEST_POSTGRES_URL for tests/test_store*.py.
# Idempotent: a server this script started and that still answers is reused (state in
# $MARSAD_PG_STATE). Quiet: one line on success or failure. Never exits the caller's shell; where
# no server can be started the PostgreSQL tests skip and say why.
# MARSAD_PG_KEEP=1 leaves the server running when the sourcing shell exits (for local work).

MARSAD_PG_STATE=${MARSAD_PG_STATE:-/tmp/marsad-postgres.state}

_marsad_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

_marsad_pg_install() {
  [ -n "$(_marsad_pg_bin)" ] && return 0
  command -v apt-get >/dev/null 2>&1 || return 1
  apt-get update -qq >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || return 1
  [ -n "$(_marsad_pg_bin)" ]
}

_marsad_pg_reuse() {
  [ -f "$MARSAD_PG_STATE" ] || return 1
  # shellcheck source=/dev/null
  . "$MARSAD_PG_STATE"
  [ -n "${MARSAD_PG_TMP:-}" ] && [ -d "$MARSAD_PG_TMP/data" ] || return 1
  "$(_marsad_pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$MARSAD_PG_PORT" >/dev/null 2>&1
}

_marsad_pg_start() {
  local bin tmp port
  bin=$(_marsad_pg_bin)
  tmp=$(mktemp -d /tmp/marsad-pg.XXXXXX) || return 1
  chown postgres:postgres "$tmp" || return 1
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])') || return 1
  # postgres cannot read root's working directory
  (cd / && runuser -u postgres -- "$bin/initdb" -D "$tmp/data" -U postgres --auth-local=trust \
     --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1) || return 1
  (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 30 -o \
     "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start \
     >/dev/null 2>&1) || return 1
  (cd / && runuser -u postgres -- "$bin/psql" -h "$tmp" -p "$port" -U postgres -qAt -v ON_ERROR_STOP=1 \
     -c "CREATE ROLE marsad LOGIN PASSWORD 'marsad'" -c "CREATE DATABASE marsad_test OWNER marsad" \
     >/dev/null 2>&1) || return 1
  printf 'MARSAD_PG_TMP=%s\nMARSAD_PG_PORT=%s\n' "$tmp" "$port" >"$MARSAD_PG_STATE"
  MARSAD_PG_TMP=$tmp
  MARSAD_PG_PORT=$port
}

_marsad_pg_stop() {
  [ -n "${MARSAD_PG_TMP:-}" ] && [ -d "$MARSAD_PG_TMP/data" ] || return 0
  (cd / && runuser -u postgres -- "$(_marsad_pg_bin)/pg_ctl" -D "$MARSAD_PG_TMP/data" -m fast -w stop \
     >/dev/null 2>&1)
  rm -rf "$MARSAD_PG_TMP" "$MARSAD_PG_STATE"
}

_marsad_pg_setup() {
  _marsad_pg_install || { echo "postgres: could not install the Debian package 'postgresql'"; return 1; }
  if ! _marsad_pg_reuse; then
    _marsad_pg_start || { echo "postgres: the server did not start (logs in ${MARSAD_PG_TMP:-/tmp})"; return 1; }
    if [ "${MARSAD_PG_KEEP:-0}" != 1 ]; then
      # chain with whatever EXIT trap the sourcing shell already has
      _marsad_pg_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
      trap "_marsad_pg_stop; ${_marsad_pg_previous_trap}" EXIT
    fi
  fi
  export MARSAD_TEST_POSTGRES_URL="postgresql://marsad:marsad@127.0.0.1:$MARSAD_PG_PORT/marsad_test"
  echo "postgres: $MARSAD_TEST_POSTGRES_URL"
}

if [ "$(id -u)" = 0 ]; then
  _marsad_pg_setup || echo "postgres: PostgreSQL store tests will skip"
else
  echo "postgres: not root, cannot install or start a server; PostgreSQL store tests will skip"
fi
