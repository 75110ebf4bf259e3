#!/usr/bin/env bash
# A private PostgreSQL cluster for tests, benchmarks and `make serve-prod`, under var/ (never the system one).
#
#   scripts/postgres.sh start            # install if missing, initdb once, start on 127.0.0.1:$PG_PORT
#   scripts/postgres.sh stop             # stop it (data stays; the next start takes about a second)
#   scripts/postgres.sh status
#   scripts/postgres.sh url [DBNAME]     # print the postgres:// URL (creates the database when missing)
#   scripts/postgres.sh pytest [ARGS]    # start, run pytest with TEST_DATABASE_URL, stop again if we started it
#   scripts/postgres.sh destroy          # stop and remove the cluster
#
# Settings (environment): PG_PORT (default 5433), PG_DIR (default /tmp/kennisplein-postgres-<checkout hash>), PG_FAST=1 (default)
# turns off fsync for throw-away test data; PG_FAST=0 keeps durable settings (benchmarks, fault tests).
# Runs as root in CI: initdb refuses root, so the cluster belongs to the `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

PG_PORT="${PG_PORT:-5433}"
# Outside the checkout: the cluster belongs to the `postgres` user, which may not be able to enter the
# checkout's parent directories (e.g. a CI clone in a private directory). One cluster per checkout.
PG_DIR="${PG_DIR:-/tmp/kennisplein-postgres-$(printf '%s' "$ROOT" | md5sum | cut -c1-10)}"
PG_FAST="${PG_FAST:-1}"
PG_DATA="$PG_DIR/data"
PG_SOCKET="$PG_DIR/run"
PG_LOG="$PG_DIR/postgres.log"
PG_DB="${PG_DB:-kennisplein}"

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

ensure_installed() {
    if ! find_bindir >/dev/null; then
        log "installing Debian's postgresql"
        ./scripts/install-system-packages.sh
    fi
    BIN="$(find_bindir)"
}

# Run a command as the cluster owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")  # from /: the checkout may be closed to the postgres user
    else
        "$@"
    fi
}

ensure_cluster() {
    if [ -f "$PG_DATA/PG_VERSION" ]; then
        return 0
    fi
    log "creating a private cluster in $PG_DATA"
    mkdir -p "$PG_DATA" "$PG_SOCKET"
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres:postgres "$PG_DIR"
        # The postgres user must be able to reach the directory (test -x asks for root, who always can;
        # Django's file cache makes var/ 0700).
        local dir="$PG_DIR"
        while [ "$dir" != "/" ]; do
            dir="$(dirname "$dir")"
            [ -n "$(find "$dir" -maxdepth 0 -perm -o+x)" ] || chmod o+x "$dir"
        done
    fi
    chmod 700 "$PG_DATA"
    as_owner "$BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
}

is_running() {
    as_owner "$BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

start() {
    ensure_installed
    ensure_cluster
    if is_running; then
        return 0
    fi
    local options="-p $PG_PORT -k $PG_SOCKET -c listen_addresses=127.0.0.1 -c max_connections=200"
    if [ "$PG_FAST" = "1" ]; then
        options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    mkdir -p "$PG_SOCKET"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_SOCKET" "$PG_DIR"
    as_owner touch "$PG_LOG"
    if ! as_owner "$BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$options" -w -t 30 start >/dev/null; then
        log "PostgreSQL did not start; the end of $PG_LOG:"
        tail -n 20 "$PG_LOG" >&2
        exit 1
    fi
    log "running on 127.0.0.1:$PG_PORT ($PG_DATA)"
}

stop() {
    ensure_installed
    if [ -f "$PG_DATA/PG_VERSION" ] && is_running; then
        as_owner "$BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
        log "stopped"
    fi
}

psql_cmd() {
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"
}

ensure_database() {
    local name="$1"
    if [ "$(psql_cmd -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
        psql_cmd -d postgres -c "CREATE DATABASE \"$name\""
    fi
}

url() {
    echo "postgres://postgres@127.0.0.1:$PG_PORT/$1"
}

command="${1:-status}"
shift || true
case "$command" in
    start) start ;;
    stop) stop ;;
    status)
        ensure_installed
        if [ -f "$PG_DATA/PG_VERSION" ] && is_running; then echo "running on 127.0.0.1:$PG_PORT"; else echo "stopped"; exit 3; fi
        ;;
    url)
        start
        ensure_database "${1:-$PG_DB}"
        url "${1:-$PG_DB}"
        ;;
    psql) start; psql_cmd -d "${PG_DB}" "$@" ;;
    pytest)
        started_here=0
        ensure_installed
        if ! { [ -f "$PG_DATA/PG_VERSION" ] && is_running; }; then
            start
            started_here=1
        fi
        cleanup() { trap - EXIT; stop; }
        [ "$started_here" = "1" ] && trap cleanup EXIT
        ensure_database "$PG_DB"
        status=0
        TEST_DATABASE_URL="$(url "$PG_DB")" "$ROOT/.venv/bin/pytest" "$@" || status=$?
        # 5 = no tests collected (e.g. a selection that matches nothing on this database): not a failure.
        [ "$status" -eq 5 ] && status=0
        exit "$status"
        ;;
    destroy)
        stop
        rm -rf "$PG_DIR"
        ;;
    *)
        echo "usage: $0 start|stop|status|url [db]|psql|pytest [args]|destroy" >&2
        exit 2
        ;;
esac
