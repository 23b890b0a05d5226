"""The site's own address, which links in emails are built from: the port `make run`
serves, and a real https:// address in production."""

import os
import subprocess

from django.conf import settings

from site_config.tests.test_security_headers import READ_PRODUCTION, production_env, run_python

BASE_URL_NEEDED = "Set WAGTAILADMIN_BASE_URL to the site's public address"


def make_run_dry(*args: str, **env: str) -> str:
    """The commands `make run` would run (make -n runs none of them)."""
    result = subprocess.run(  # noqa: S603 (our own Makefile, dry run)
        ["make", "-n", "run", *args],  # noqa: S607 (make from PATH, as a developer runs it)
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={**{k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}, **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def runserver_line(output: str) -> str:
    [line] = [line for line in output.splitlines() if "runserver" in line]
    return line


def test_make_run_gives_the_server_the_address_it_serves():
    line = runserver_line(make_run_dry("PORT=8011"))

    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8011 " in line
    assert line.endswith("runserver 127.0.0.1:8011")


def test_make_run_serves_on_8000_by_default_and_says_so():
    line = runserver_line(make_run_dry())

    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8000 " in line
    assert line.endswith("runserver 127.0.0.1:8000")


def test_make_run_keeps_an_address_the_developer_set():
    line = runserver_line(
        make_run_dry("PORT=8011", WAGTAILADMIN_BASE_URL="https://awards.example.test")
    )

    assert "WAGTAILADMIN_BASE_URL=https://awards.example.test " in line
    assert "127.0.0.1:8011 " not in line.split("runserver")[0]


def test_production_refuses_to_start_without_the_sites_address():
    env = production_env()
    del env["WAGTAILADMIN_BASE_URL"]

    result = run_python(["-c", READ_PRODUCTION], env)

    assert result.returncode != 0
    assert BASE_URL_NEEDED in result.stderr


def test_production_refuses_an_address_that_is_not_https():
    for address in ["http://awards.example.org", "awards.example.org", "https://"]:
        result = run_python(["-c", READ_PRODUCTION], production_env(WAGTAILADMIN_BASE_URL=address))
        assert result.returncode != 0, address
        assert BASE_URL_NEEDED in result.stderr


def test_production_takes_an_https_address():
    code = "from site_config.settings import production as p; print(p.WAGTAILADMIN_BASE_URL)"

    result = run_python(
        ["-c", code], production_env(WAGTAILADMIN_BASE_URL="https://awards.example.org/")
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "https://awards.example.org"
