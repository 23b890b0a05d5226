"""Where a request's time goes, in-process and one at a time: SQL against the rest.

For the category page (anonymous, and signed in with a draft), a judge's
entry page (``judge_get``, once bench_leaderboard has seeded its judges) and a
draft save, this runs each request ``--repeat`` times through Django's test client
(no network, no concurrency) and splits the wall time into time spent in SQL
(queries timed by an execute wrapper, and listed by table) and everything
else (Python: views, forms, template rendering, middleware). The slowest
scenario in the load test is then explained by numbers, not guesses.
"""

import json
import re
import statistics
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from awards.models import CategoryPage
from forms.models import Entry

from .bench_leaderboard import JUDGE_EMAIL
from .seed_bench import CATEGORY_SLUG

TABLE = re.compile(r'(?:FROM|UPDATE|INTO)\s+"(\w+)"')


class Timer:
    def __init__(self):
        self.queries, self.sql, self.tables = 0, 0.0, []

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.sql += time.perf_counter() - began
            table = TABLE.search(sql)
            self.tables.append(f"{sql.split()[0]} {table.group(1) if table else '?'}")


def judge_entry_url() -> str | None:
    """A bench judge's entry page (bench_leaderboard's seed), once the judging portal is
    installed and the judge seeded; else None and the scenario is left out."""
    from django.urls import NoReverseMatch, reverse

    from judging.models import Assignment

    assignment = (
        Assignment.objects.filter(judge__email=JUDGE_EMAIL.format(n=1), removed_at=None)
        .select_related("entry")
        .order_by("pk")
        .first()
    )
    if assignment is None:
        return None
    try:
        return reverse("judging:entry", args=[assignment.entry.public_id])
    except NoReverseMatch:
        return None


def long_answer(n: int) -> str:
    return " ".join(["evidence of recovery across the trust"] * 50) + f" Edit {n}."


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--json", dest="json_path", type=Path)

    def handle(self, *args, repeat: int, json_path: Path | None, **options):
        page = CategoryPage.objects.get(slug=CATEGORY_SLUG)
        user = get_user_model().objects.get(email="bench@example.com")
        entry = Entry.objects.get(entrant=user, page_id=page.pk)
        keys = list(entry.form.definition.questions)
        anonymous, signed_in = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
        signed_in.force_login(user)

        state = {"version": entry.version}

        def save():
            # The version comes from the last reply, so the timed request is the save alone.
            data = {key: long_answer(state["version"]) for key in keys}
            data.update(version=state["version"], action="autosave", declaration="yes")
            data.update(organisation_type="NHS trust", contact_email="bench@example.com")
            response = signed_in.post(
                f"/entries/{entry.public_id}/save/", data, HTTP_ACCEPT="application/json"
            )
            if response.status_code == 200:
                state["version"] = response.json()["version"]
            return response

        save()  # the draft has answers before the signed-in page is timed
        scenarios = {
            "anon_get": lambda: anonymous.get(page.url),
            "auth_get": lambda: signed_in.get(page.url),
        }
        judge_url = judge_entry_url()
        if judge_url:
            judge = Client(HTTP_HOST="127.0.0.1")
            judge.force_login(get_user_model().objects.get(email=JUDGE_EMAIL.format(n=1)))
            scenarios["judge_get"] = lambda: judge.get(judge_url)
        scenarios["save"] = save
        results = {}
        for name, request in scenarios.items():
            request()  # warm up
            walls, sqls, counts, tables = [], [], [], []
            for _ in range(repeat):
                timer = Timer()
                began = time.perf_counter()
                with connection.execute_wrapper(timer):
                    response = request()
                walls.append(time.perf_counter() - began)
                sqls.append(timer.sql)
                counts.append(timer.queries)
                tables = timer.tables
                if response.status_code != 200:
                    raise AssertionError(f"{name}: status {response.status_code}")
            wall, sql = statistics.median(walls), statistics.median(sqls)
            results[name] = {
                "median_ms": round(wall * 1000, 1),
                "sql_ms": round(sql * 1000, 1),
                "other_ms": round((wall - sql) * 1000, 1),
                "queries": max(counts),
                "bytes": len(response.content),
                "statements": tables,
            }
            summary = {k: v for k, v in results[name].items() if k != "statements"}
            self.stdout.write(f"{name}: {summary}")
        if json_path:
            json_path.write_text(json.dumps(results, indent=2))
