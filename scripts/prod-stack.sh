#!/usr/bin/env bash
# The production stack on this machine, on loopback only: Debian's nginx (reverse proxy with a shared
# cache for public pages) -> gunicorn with the production settings -> PostgreSQL and Redis (Debian
# packages), and the task worker.
#
#   scripts/prod-stack.sh serve     # start everything, gunicorn in the foreground (Ctrl-C stops all)
#   scripts/prod-stack.sh start     # start everything in the background (benchmarks, fault scenarios)
#   scripts/prod-stack.sh stop      # stop web, worker, Redis and PostgreSQL
#   scripts/prod-stack.sh env       # print the environment the stack runs with
#   scripts/prod-stack.sh {start,stop}-{nginx,web,worker,redis,postgres}
#
# Ports (environment): PROD_NGINX_PORT (8090, what visitors use), PROD_PURGE_PORT (nginx + 1000, purges), PROD_WEB_PORT (8080, gunicorn),
# PROD_PG_PORT (5434), PROD_REDIS_PORT (6380).
# Data under var/prod/ (its own PostgreSQL cluster, Redis, media, static files, logs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PY="$ROOT/.venv/bin/python"

PROD_WEB_PORT="${PROD_WEB_PORT:-8080}"
PROD_NGINX_PORT="${PROD_NGINX_PORT:-8090}"
PROD_PURGE_PORT="${PROD_PURGE_PORT:-$((PROD_NGINX_PORT + 1000))}"
PROD_PG_PORT="${PROD_PG_PORT:-5434}"
PROD_REDIS_PORT="${PROD_REDIS_PORT:-6380}"
PROD_DIR="${PROD_DIR:-$ROOT/var/prod}"
mkdir -p "$PROD_DIR/redis" "$PROD_DIR/media" "$PROD_DIR/logs" "$PROD_DIR/run" "$PROD_DIR/nginx"

log() { echo "prod-stack: $*" >&2; }

pg() { PG_PORT="$PROD_PG_PORT" PG_DIR="$PROD_DIR/postgres" PG_FAST=0 ./scripts/postgres.sh "$@"; }

secret_key() {
    local file="$PROD_DIR/secret-key"
    [ -s "$file" ] || { "$PY" -c 'import secrets; print(secrets.token_urlsafe(64))' >"$file"; chmod 600 "$file"; }
    cat "$file"
}

export_env() {
    export DJANGO_SETTINGS_MODULE=community.settings.production
    export SECRET_KEY="${SECRET_KEY:-$(secret_key)}"
    export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
    export KENNISPLEIN_LOCAL_HTTP="${KENNISPLEIN_LOCAL_HTTP:-1}"  # plain HTTP on loopback, no TLS proxy here
    export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:$PROD_PG_PORT/kennisplein}"
    export REDIS_URL="${REDIS_URL-redis://127.0.0.1:$PROD_REDIS_PORT/0}"
    export EMAIL_URL="${EMAIL_URL:-console://}"
    export MEDIA_ROOT="${MEDIA_ROOT:-$PROD_DIR/media}"
    export STATIC_ROOT="${STATIC_ROOT:-$PROD_DIR/static}"
    export KENNISPLEIN_VAR_DIR="$PROD_DIR"
    export GUNICORN_BIND="127.0.0.1:$PROD_WEB_PORT"
    export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PROD_NGINX_PORT"
    export CSRF_TRUSTED_ORIGINS="${CSRF_TRUSTED_ORIGINS:-http://127.0.0.1:$PROD_NGINX_PORT,http://localhost:$PROD_NGINX_PORT,http://127.0.0.1:$PROD_WEB_PORT}"
    export TRUSTED_PROXY_COUNT="${TRUSTED_PROXY_COUNT:-1}"  # nginx
    export FRONTEND_CACHE_PURGE_URL="${FRONTEND_CACHE_PURGE_URL-http://127.0.0.1:$PROD_PURGE_PORT}"
}

start_postgres() {
    ./scripts/install-serve-packages.sh
    pg url kennisplein >/dev/null
}

start_redis() {
    ./scripts/install-serve-packages.sh
    if [ -f "$PROD_DIR/run/redis.pid" ] && kill -0 "$(cat "$PROD_DIR/run/redis.pid")" 2>/dev/null; then
        return 0
    fi
    redis-server --port "$PROD_REDIS_PORT" --bind 127.0.0.1 --protected-mode yes --daemonize yes \
        --pidfile "$PROD_DIR/run/redis.pid" --dir "$PROD_DIR/redis" --logfile "$PROD_DIR/logs/redis.log" \
        --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru
    for _ in $(seq 50); do
        redis-cli -p "$PROD_REDIS_PORT" ping >/dev/null 2>&1 && { log "Redis on 127.0.0.1:$PROD_REDIS_PORT"; return 0; }
        sleep 0.1
    done
    log "Redis did not start; see $PROD_DIR/logs/redis.log"
    exit 1
}

stop_redis() {
    local pid
    pid="$(cat "$PROD_DIR/run/redis.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        log "Redis stopped"
    fi
    rm -f "$PROD_DIR/run/redis.pid"
}

prepare() {
    export_env
    "$PY" manage.py migrate --noinput -v 0
    "$PY" manage.py collectstatic --noinput -v 0
    if [ ! -f "$PROD_DIR/.demo-loaded" ]; then
        DJANGO_SETTINGS_MODULE=community.settings.local_stack \
            DEMO_PASSWORD="${DEMO_PASSWORD:-demo-wachtwoord-kennisplein}" "$PY" manage.py load_demo
        touch "$PROD_DIR/.demo-loaded"
    fi
}

start_worker() {
    export_env
    if [ -f "$PROD_DIR/run/worker.pid" ] && kill -0 "$(cat "$PROD_DIR/run/worker.pid")" 2>/dev/null; then
        return 0
    fi
    nohup "$PY" manage.py db_worker --interval 0.5 >>"$PROD_DIR/logs/worker.log" 2>&1 &
    echo $! >"$PROD_DIR/run/worker.pid"
    log "worker started (pid $(cat "$PROD_DIR/run/worker.pid"))"
}

stop_pidfile() {
    local name="$1" file="$PROD_DIR/run/$1.pid" pid
    pid="$(cat "$file" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        # gunicorn's master waits up to graceful_timeout (20 s) for its workers; wait a little longer, then
        # kill what is left, children included, so no worker outlives its master.
        local children
        children="$(pgrep -P "$pid" || true)"
        kill -TERM "$pid"
        for _ in $(seq 250); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        # shellcheck disable=SC2086 # one pid per word
        kill -KILL "$pid" $children 2>/dev/null || true
        log "$name stopped"
    fi
    rm -f "$file"
}

start_web() {
    export_env
    if [ -f "$PROD_DIR/run/web.pid" ] && kill -0 "$(cat "$PROD_DIR/run/web.pid")" 2>/dev/null; then
        return 0
    fi
    "$ROOT/.venv/bin/gunicorn" -c gunicorn.conf.py community.wsgi:application --daemon \
        --pid "$PROD_DIR/run/web.pid" --access-logfile "$PROD_DIR/logs/access.log" --error-logfile "$PROD_DIR/logs/web.log"
    # The master loads the anonymity check before it serves (community/wsgi.py): ~16 s on an idle core,
    # minutes on a busy machine. PROD_WEB_WAIT bounds the wait (seconds).
    for _ in $(seq "$((${PROD_WEB_WAIT:-180} * 5))"); do
        curl -fsS "http://127.0.0.1:$PROD_WEB_PORT/healthz" >/dev/null 2>&1 && { log "web on http://127.0.0.1:$PROD_WEB_PORT/"; return 0; }
        sleep 0.2
    done
    log "gunicorn did not answer; see $PROD_DIR/logs/web.log"
    tail -n 20 "$PROD_DIR/logs/web.log" >&2
    exit 1
}

start_nginx() {
    ./scripts/install-serve-packages.sh
    local dir="$PROD_DIR/nginx"
    mkdir -p "$dir/cache" "$dir/temp"
    if [ "$(id -u)" -eq 0 ]; then chown -R www-data "$dir/cache" "$dir/temp"; fi
    PROD_NGINX_PORT="$PROD_NGINX_PORT" PROD_PURGE_PORT="$PROD_PURGE_PORT" PROD_WEB_PORT="$PROD_WEB_PORT" NGINX_DIR="$dir" LOG_DIR="$PROD_DIR/logs" \
        STATIC_DIR="${STATIC_ROOT:-$PROD_DIR/static}" NGINX_USER="$([ "$(id -u)" -eq 0 ] && echo "user www-data;" || true)" \
        envsubst '$PROD_NGINX_PORT $PROD_PURGE_PORT $PROD_WEB_PORT $NGINX_DIR $LOG_DIR $STATIC_DIR $NGINX_USER' \
        <"$ROOT/scripts/nginx.conf.template" >"$dir/nginx.conf"
    if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
        nginx -p "$dir" -c "$dir/nginx.conf" -s reload
        return 0
    fi
    nginx -p "$dir" -c "$dir/nginx.conf" -t -q
    nginx -p "$dir" -c "$dir/nginx.conf"
    log "nginx on http://127.0.0.1:$PROD_NGINX_PORT/ (cache: X-Proxy-Cache header)"
}

stop_nginx() {
    local dir="$PROD_DIR/nginx" pid
    pid="$(cat "$dir/nginx.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        nginx -p "$dir" -c "$dir/nginx.conf" -s quit
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        log "nginx stopped"
    fi
}

stop_all() {
    stop_nginx
    stop_pidfile web
    stop_pidfile worker
    stop_redis
    pg stop
}

command="${1:-serve}"
case "$command" in
    env) export_env; env | grep -E '^(DJANGO_SETTINGS_MODULE|TRUSTED_PROXY_COUNT|FRONTEND_CACHE_PURGE_URL|ALLOWED_HOSTS|DATABASE_URL|REDIS_URL|EMAIL_URL|MEDIA_ROOT|STATIC_ROOT|KENNISPLEIN_LOCAL_HTTP|GUNICORN_BIND)=' ;;
    start) start_postgres; start_redis; prepare; start_worker; start_web; start_nginx ;;
    serve)
        start_postgres; start_redis; prepare; start_worker; start_nginx
        trap 'stop_nginx; stop_pidfile worker; stop_redis; pg stop' EXIT
        log "serving http://127.0.0.1:$PROD_NGINX_PORT/ through nginx (gunicorn on $PROD_WEB_PORT; Ctrl-C stops all)"
        "$ROOT/.venv/bin/gunicorn" -c gunicorn.conf.py community.wsgi:application
        ;;
    stop) stop_all ;;
    start-nginx) start_nginx ;;
    stop-nginx) stop_nginx ;;
    start-postgres) start_postgres ;;
    stop-postgres) pg stop ;;
    start-redis) start_redis ;;
    stop-redis) stop_redis ;;
    start-worker) start_worker ;;
    stop-worker) stop_pidfile worker ;;
    start-web) start_web ;;
    stop-web) stop_pidfile web ;;
    *) echo "usage: $0 serve|start|stop|env|{start,stop}-{nginx,web,worker,redis,postgres}" >&2; exit 2 ;;
esac
