"""The leaderboard benchmark: one category, 500 entries, 5 judges each, 5 criteria.

    manage.py bench_leaderboard --seed-only          # before the load test (judge_get)
    manage.py bench_leaderboard --json results/leaderboard.json

Seeds (once; re-runs reuse them) the category "Leaderboard Benchmark Award"
beside the benchmark category, with the same entry form and five weighted
criteria (2, 1, 1, 1, 1); 500 submitted entries, each from its own entrant,
with all 12 answers (8 long ones of about 300 words); a panel of 25 judges
(benchjudge1..25@example.com, the bench password, organisation "Bench Judging
Panel"), five judges per entry shared out evenly (100 entries each); every
sheet submitted with a score for each criterion. Then it times, in-process:

- ``judging.leaderboard.leaderboard(page)``: median of ``--runs`` runs after one
  warm-up, in ms, and its queries (the targets: under 1 s, at most 10 queries);
- the organisers' admin page for it (Django's test client, a superuser): median ms
  and all its queries, Wagtail's admin chrome included;
- a judge's entry page (``judging:entry``, /judging/entries/<public_id>/) as
  benchjudge1, beside the entrant's signed-in category page (``auth_get`` in
  bench_profile, which times both in the same run).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards.models import CategoryPage
from forms.models import Entry, EntryStatus
from judging.leaderboard import leaderboard
from judging.models import Assignment, AssignmentMode, Panel, PanelJudge, Score, ScoreSheet

from .bench_export import submitted_entry
from .seed_bench import CATEGORY_SLUG, PASSWORD

SLUG = "leaderboard-benchmark-award"
TITLE = "Leaderboard Benchmark Award"
ENTRIES, JUDGES, PER_ENTRY = 500, 25, 5
CRITERIA = [
    ("Vision", 2),
    ("Delivery", 1),
    ("Outcomes", 1),
    ("Sustainability", 1),
    ("Spreading the learning", 1),
]
JUDGE_EMAIL = "benchjudge{n}@example.com"
ORGANISER_EMAIL = "bench-organiser@example.com"
BATCH = 250


def criteria_blocks() -> list:
    return [
        ("section", {"heading": heading, "text": "", "points": [], "weight": weight})
        for heading, weight in CRITERIA
    ]


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=7)
        parser.add_argument("--json", dest="json_path", type=Path)
        parser.add_argument("--seed-only", action="store_true")

    def handle(self, *args, runs, json_path, seed_only, **options):
        began = time.perf_counter()
        page, created = self.seed()
        seeded = round(time.perf_counter() - began, 1)
        self.stdout.write(f"bench_leaderboard: {page.url}, {created} entries created in {seeded} s")
        if seed_only:
            return
        result = {
            "entries": Entry.objects.filter(page_id=page.pk, status=EntryStatus.SUBMITTED).count(),
            "judges": JUDGES,
            "judges_per_entry": PER_ENTRY,
            "criteria": len(CRITERIA),
            "sheets": ScoreSheet.objects.filter(assignment__entry__page_id=page.pk).count(),
            "seed_s": seeded,
            "vendor": connection.vendor,
            **self.time_leaderboard(page, runs),
            "page": self.time_request(self.organiser_client(), self.board_url(page), runs),
            "judge_get": self.time_judge_page(page, runs),
        }
        self.stdout.write(
            f"leaderboard of {result['entries']} entries, {result['sheets']} sheets: "
            f"median {result['median_ms']} ms, {result['queries']} queries; admin page "
            f"{result['page'].get('median_ms')} ms, {result['page'].get('queries')} queries; "
            f"judge's entry page {result['judge_get']}"
        )
        if json_path:
            json_path.write_text(json.dumps(result, indent=2))

    # --- seeding --------------------------------------------------------------------------

    def seed(self) -> tuple[CategoryPage, int]:
        bench = CategoryPage.objects.get(slug=CATEGORY_SLUG)
        page = CategoryPage.objects.filter(slug=SLUG).first()
        if page is None:
            page = CategoryPage(
                title=TITLE,
                slug=SLUG,
                summary="The leaderboard benchmark: 500 entries, 5 judges each.",
                criteria=criteria_blocks(),
                reference_code="LBENCH",
                entry_form=bench.entry_form,
                entries_closed=True,
            )
            bench.get_parent().add_child(instance=page)
            page.save_revision().publish()
        have = Entry.objects.filter(page_id=page.pk, status=EntryStatus.SUBMITTED).count()
        if have >= ENTRIES:
            return page, 0
        with transaction.atomic():
            Entry.objects.filter(page_id=page.pk).delete()
            Panel.objects.filter(name=TITLE).delete()
            judges = self.judges()
            panel = Panel.objects.create(
                name=TITLE, assignment=AssignmentMode.SHARED, judges_per_entry=PER_ENTRY
            )
            panel.categories.set([page])
            PanelJudge.objects.bulk_create([PanelJudge(panel=panel, judge=j) for j in judges])
            entries = self.entries(page)
            self.sheets(panel, judges, entries)
        with connection.cursor() as cursor:
            for table in (
                "forms_entry",
                "judging_assignment",
                "judging_scoresheet",
                "judging_score",
            ):
                cursor.execute(f"ANALYZE {table}")
        return page, len(entries)

    def users(self, emails: list[str], **fields) -> list:
        User = get_user_model()
        have = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        password = make_password(PASSWORD)
        made = User.objects.bulk_create(
            [User(email=e, password=password, **fields) for e in emails if e not in have]
        )
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in made]
        )
        order = {email: n for n, email in enumerate(emails)}
        return sorted(User.objects.filter(email__in=emails), key=lambda u: order[u.email])

    def judges(self) -> list:
        return self.users(
            [JUDGE_EMAIL.format(n=n) for n in range(1, JUDGES + 1)],
            first_name="Bench",
            last_name="Judge",
            organisation="Bench Judging Panel",
        )

    def entries(self, page) -> list[Entry]:
        form = page.entry_form
        entrants = self.users(
            [f"lbentrant{n}@example.com" for n in range(1, ENTRIES + 1)],
            first_name="Leaderboard",
            last_name="Entrant",
        )
        rows = [
            submitted_entry(
                page,
                form,
                user,
                n,
                organisation=f"Leaderboard Organisation {n}",
                email=user.email,
                reference=f"LB-{n:04d}",
            )
            for n, user in enumerate(entrants, start=1)
        ]
        return Entry.objects.bulk_create(rows, batch_size=BATCH)

    def sheets(self, panel, judges, entries) -> None:
        """Five judges per entry, shared out evenly (each judge 100), every sheet submitted."""
        now = timezone.now()
        pairs = [
            (n, k, entry, judges[(n + k * (JUDGES // PER_ENTRY)) % JUDGES])
            for n, entry in enumerate(entries)
            for k in range(PER_ENTRY)
        ]
        assignments = Assignment.objects.bulk_create(
            [Assignment(panel=panel, judge=judge, entry=entry) for _, _, entry, judge in pairs],
            batch_size=BATCH,
        )
        sheets = ScoreSheet.objects.bulk_create(
            [
                ScoreSheet(assignment=a, status="submitted", version=3, submitted_at=now)
                for a in assignments
            ],
            batch_size=BATCH,
        )
        keys = [c.key for c in CategoryPage.objects.get(slug=SLUG).judging_criteria()]
        Score.objects.bulk_create(
            [
                Score(sheet=sheet, criterion=key, score=(n * 7 + k * 3 + i * 5) % 11)
                for (n, k, _, _), sheet in zip(pairs, sheets, strict=True)
                for i, key in enumerate(keys)
            ],
            batch_size=1000,
        )

    # --- timing ---------------------------------------------------------------------------

    def time_leaderboard(self, page, runs: int) -> dict:
        page = CategoryPage.objects.get(pk=page.pk)
        board = leaderboard(page)  # warm-up: the programme's announcement times, the plans
        timings, counts = [], []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                board = leaderboard(page)
                timings.append(time.perf_counter() - began)
            counts.append(len(queries.captured_queries))
        return {
            "median_ms": round(statistics.median(timings) * 1000, 1),
            "min_ms": round(min(timings) * 1000, 1),
            "max_ms": round(max(timings) * 1000, 1),
            "queries": max(counts),
            "ranked": len(board.ranked),
        }

    def board_url(self, page) -> str:
        return reverse("judging_leaderboard", args=[page.pk])

    def organiser_client(self) -> Client:
        User = get_user_model()
        organiser = User.objects.filter(email=ORGANISER_EMAIL).first()
        if organiser is None:
            organiser = User.objects.create_superuser(ORGANISER_EMAIL, PASSWORD)
            # Staff use two-factor authentication in production: the organiser has an
            # authenticator app, so the admin serves them (its check is in the timing).
            Authenticator.objects.create(
                user=organiser, type=Authenticator.Type.TOTP, data={"secret": "bench"}
            )
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(organiser)
        return client

    def time_request(self, client: Client, url: str, runs: int) -> dict:
        response = client.get(url)  # warm-up
        if response.status_code != 200:
            return {"failed": f"GET {url}: status {response.status_code}"}
        timings, counts = [], []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - began)
            counts.append(len(queries.captured_queries))
        return {
            "median_ms": round(statistics.median(timings) * 1000, 1),
            "queries": max(counts),
            "bytes": len(response.content),
        }

    def time_judge_page(self, page, runs: int) -> dict:
        """A judge's GET of one of their entries, if the judging portal is installed."""
        from django.urls import NoReverseMatch

        judge = get_user_model().objects.get(email=JUDGE_EMAIL.format(n=1))
        assignment = Assignment.objects.filter(judge=judge, entry__page_id=page.pk).first()
        try:
            url = reverse("judging:entry", args=[assignment.entry.public_id])
        except NoReverseMatch:
            return {"failed": "no judging:entry URL (the judging portal is not installed)"}
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(judge)
        return self.time_request(client, url, runs)
