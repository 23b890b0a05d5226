"""The export benchmark: N submitted entries to CSV and to XLSX, timed, with peak memory.

    manage.py bench_export --entries 10000 --json results/export.json

Seeds (once; re-runs reuse them) N submitted entries on the benchmark
category, each from its own entrant, with all 12 answers (8 long answers of
about 300 words) and the question snapshot a real submit stores. Then each
format runs in a fresh Python process (``--run csv|xlsx``) so its peak memory
is its own: forms.exports builds the response for those entries and the whole
body is read, as a download would; the time covers the queries, the rows and
the file, in wall-clock seconds and in CPU seconds of this process (the
database's work is not in the CPU figure). Peak memory is the process's
peak resident set size (VmHWM), whole and above its peak before the export.
"""

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from awards.models import CategoryPage
from forms.models import Entry, EntryStatus

from .seed_bench import CATEGORY_SLUG, PASSWORD

WORDS = (
    "the team patients staff service care trust waiting list clinic recovery backlog pathway "
    "data weekly target reduced improved local partners community hospital theatre elective "
    "outpatient referral digital triage nurse consultant workforce capacity demand pilot"
).split()
BATCH = 500


def peak_mb() -> float:
    """This process's peak resident set size (VmHWM: unlike ru_maxrss, not inherited
    from the parent across fork and exec)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def long_answer(n: int, salt: int) -> str:
    words = [WORDS[(n * 7 + salt * 13 + i * i) % len(WORDS)] for i in range(300)]
    return " ".join(words).capitalize() + "."


def submitted_entry(page, form, user, n: int, *, organisation: str, email: str, reference: str):
    """A submitted entry row with every answer filled (long answers of 300 words), unsaved."""
    definition = form.definition
    answers = dict.fromkeys(definition.questions, "")
    answers.update(
        organisation_name=organisation,
        contact_email=email,
        organisation_type="NHS trust",
        declaration="yes",
    )
    long_keys = [q.key for q in definition.questions.values() if q.type == "long_text"]
    for salt, key in enumerate(long_keys):
        answers[key] = long_answer(n, salt)
    now = timezone.now()
    return Entry(
        entrant=user,
        page_id=page.pk,
        form=form,
        status=EntryStatus.SUBMITTED,
        answers=answers,
        version=5,
        reference=reference,
        question_snapshot=definition.to_snapshot(),
        created_at=now,
        updated_at=now,
        submitted_at=now,
    )


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=10_000)
        parser.add_argument("--json", dest="json_path", type=Path)
        parser.add_argument("--run", choices=["csv", "xlsx"], help="(internal) one format")

    def handle(self, *args, entries, json_path, run, **options):
        page = CategoryPage.objects.get(slug=CATEGORY_SLUG)
        if run:
            self.stdout.write(json.dumps(self.measure(run, page)))
            return
        began = time.perf_counter()
        created = self.seed(page, entries)
        seeded_s = time.perf_counter() - began
        result = {"entries": entries, "created": created, "seed_s": round(seeded_s, 1)}
        for fmt in ("csv", "xlsx"):
            output = subprocess.run(  # noqa: S603 (this same manage.py, fixed arguments)
                [sys.executable, "manage.py", "bench_export", "--run", fmt],
                cwd=settings.BASE_DIR,
                capture_output=True,
                text=True,
                check=False,
            )
            if output.returncode:
                raise CommandError(f"{fmt} export failed:\n{output.stderr[-2000:]}")
            result[fmt] = json.loads(output.stdout.strip().splitlines()[-1])
        result.update(
            csv_s=result["csv"]["seconds"],
            xlsx_s=result["xlsx"]["seconds"],
            peak_mb=max(result["csv"]["peak_mb"], result["xlsx"]["peak_mb"]),
        )
        self.stdout.write(
            f"export of {entries:,} entries: CSV {result['csv_s']} s "
            f"({result['csv']['megabytes']} MB, peak {result['csv']['peak_mb']} MB), "
            f"XLSX {result['xlsx_s']} s ({result['xlsx']['megabytes']} MB, "
            f"peak {result['xlsx']['peak_mb']} MB)"
        )
        if json_path:
            json_path.write_text(json.dumps(result, indent=2))

    def seed(self, page, count: int) -> int:
        existing = Entry.objects.filter(
            page_id=page.pk, status=EntryStatus.SUBMITTED, reference__startswith="EXPORT-"
        ).count()
        if existing >= count:
            return 0
        User = get_user_model()
        form = page.entry_form
        password = make_password(PASSWORD)
        for start in range(existing, count, BATCH):
            numbers = range(start + 1, min(start + BATCH, count) + 1)
            with transaction.atomic():
                users = User.objects.bulk_create(
                    [
                        User(
                            email=f"export{n}@example.com",
                            password=password,
                            first_name="Export",
                            last_name=f"Entrant {n}",
                            organisation=f"Export Organisation {n}",
                        )
                        for n in numbers
                    ]
                )
                rows = [
                    submitted_entry(
                        page,
                        form,
                        user,
                        n,
                        organisation=f"Export Organisation {n}",
                        email=f"export{n}@example.com",
                        reference=f"EXPORT-{n:05d}",
                    )
                    for n, user in zip(numbers, users, strict=True)
                ]
                Entry.objects.bulk_create(rows)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE forms_entry")
        return count - existing

    def measure(self, fmt: str, page) -> dict:
        from forms.exports import csv_response, xlsx_response

        entries = Entry.objects.filter(
            page_id=page.pk, status=EntryStatus.SUBMITTED, reference__startswith="EXPORT-"
        )
        count = entries.count()
        before = peak_mb()
        began, cpu = time.perf_counter(), time.process_time()
        if fmt == "csv":
            response = csv_response(entries, "entries")
            size = sum(len(chunk) for chunk in response.streaming_content)
        else:
            response = xlsx_response(entries, "entries")
            size = sum(len(chunk) for chunk in response.streaming_content)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        response.close()
        return {
            "format": fmt,
            "entries": count,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "megabytes": round(size / 1e6, 1),
            "peak_mb": round(peak_mb(), 1),
            "before_mb": round(before, 1),
            "added_mb": round(peak_mb() - before, 1),
        }
