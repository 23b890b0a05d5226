"""The WSGI entry point app servers load (gunicorn site_config.wsgi:application)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_what_the_app_loads_at_start_is_kept_out_of_the_garbage_collectors_walks():
    # Every full collection used to walk the ~200,000 objects Django and Wagtail
    # load at start (about 130 ms, in the middle of some request).
    script = (
        "import gc, site_config.wsgi as w; print(gc.get_freeze_count(), callable(w.application))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_config.settings.test"}
    result = subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    frozen, callable_app = result.stdout.split()
    assert int(frozen) > 50_000
    assert callable_app == "True"
