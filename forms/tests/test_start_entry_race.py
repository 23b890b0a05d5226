"""Quick clicks on "Start your entry": however many arrive at once, the limit holds.

Threads with their own database connections, started together by a barrier,
on the test database (SQLite file or PostgreSQL), committing for real.
"""

import threading

import pytest
from django.db import connections
from wagtail.models import Page

from forms import services
from forms.exceptions import EntryLimitReached
from forms.models import Entry
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 4
ROUNDS = 8


def start_at_once(user, page_id: int, threads: int = THREADS) -> list[str]:
    """``threads`` calls of start_entry for ``user``, released together; what each got."""
    barrier = threading.Barrier(threads)
    outcomes: list[str] = []

    def click() -> None:
        try:
            page = Page.objects.get(pk=page_id).specific
            barrier.wait(timeout=30)
            services.start_entry(user=user, page=page)
            outcomes.append("started")
        except EntryLimitReached:
            outcomes.append("limit")
        except Exception as error:  # noqa: BLE001 - any other error is the test failing
            outcomes.append(f"error: {error!r}")
        finally:
            connections.close_all()  # this thread's connections only

    workers = [threading.Thread(target=click) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    return sorted(outcomes)


@pytest.mark.parametrize("limit", [1, 2])
def test_entries_started_at_the_same_moment_stop_at_the_limit(category, limit):
    category.entries_per_account = limit
    category.save()
    for round_number in range(ROUNDS):
        user = build_user(f"quick-{round_number}@example.org")
        outcomes = start_at_once(user, category.pk)
        assert outcomes == ["limit"] * (THREADS - limit) + ["started"] * limit, (
            round_number,
            outcomes,
        )
        assert Entry.objects.filter(entrant=user).count() == limit
