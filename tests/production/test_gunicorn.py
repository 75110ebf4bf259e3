"""gunicorn's worker_exit hook (gunicorn.conf.py) ends a worker at once, with the exit code gunicorn meant."""

import subprocess
import sys
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"

# What gunicorn's arbiter does in a worker: sys.exit(code), and in its `finally` the worker_exit hook.
WORKER = """
import atexit, runpy, sys
conf = runpy.run_path({conf!r})
atexit.register(lambda: print("teardown ran", flush=True))
try:
    sys.exit({code})
finally:
    conf["worker_exit"](None, None)
"""


@pytest.mark.parametrize("code", [0, 3])
def test_worker_exits_with_gunicorns_code_and_skips_the_interpreters_teardown(code):
    done = subprocess.run(
        [sys.executable, "-c", WORKER.format(conf=str(CONF), code=code)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"DJANGO_SETTINGS_MODULE": "community.settings.test", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == code, done.stderr
    assert "teardown ran" not in done.stdout
