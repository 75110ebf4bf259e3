"""gunicorn settings for Kennisplein Scheiding (`gunicorn -c gunicorn.conf.py community.wsgi`).

Everything can be tuned per deployment through the environment; the defaults suit one small VM
behind a reverse proxy that terminates TLS (see docs/deploy.md).
"""

import logging
import multiprocessing
import os
import sys

from django.db import connections

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers with threads: Django views are blocking; threads cover slow clients and I/O waits.
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# No recycling by default: gthread workers reset connections they accepted but had not read when they
# restart after max_requests (gunicorn issue #3038, about 1 % of requests while recycling here). Set
# GUNICORN_MAX_REQUESTS to recycle anyway, e.g. to contain a leak until it is fixed.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 0))
max_requests_jitter = max_requests // 10
# Load the app before forking: faster start, shared memory, and settings errors stop the master at once.
# community/wsgi.py also loads and warms the anonymity check (Deduce, ~16 s) here, once, in the master:
# every worker, also one recycled by max_requests, starts with it loaded.
preload_app = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proxy_allow_ips = forwarded_allow_ips

# Logs to stdout/stderr. The access log has the path without query string (search terms can be
# personal), no referrer and no user agent.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# Limits on request lines and headers (bodies are limited by Django's DATA_UPLOAD_MAX_MEMORY_SIZE).
limit_request_line = 4094
limit_request_fields = 100


def worker_exit(server, worker):
    """End a worker without the interpreter's teardown: it would free the millions of objects of the
    anonymity check one by one (and copy every page shared with the master), so a worker recycled by
    max_requests or stopped took longer than the timeout and was killed with requests in flight."""
    error = sys.exc_info()[1]  # gunicorn calls this while the worker's SystemExit propagates
    code = error.code if isinstance(error, SystemExit) else 0
    if not isinstance(code, int):
        code = 0 if code is None else 1
    connections.close_all()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
