"""Quick clicks on "Start your entry": however many arrive at once, the limit holds.

Threads with their own database connections, started together by a barrier,
on the test database (SQLite file or PostgreSQL), committing for real.
"""

import pytest
from wagtail.models import Page

from forms import services
from forms.exceptions import EntryLimitReached
from forms.models import Entry
from forms.tests.at_once import run_at_once
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 4
ROUNDS = 8


def start_at_once(user, page_id: int, threads: int = THREADS) -> list[str]:
    """``threads`` calls of start_entry for ``user``, released together; what each got."""

    def outcome(result) -> str:
        if isinstance(result, EntryLimitReached):
            return "limit"
        return "started" if isinstance(result, Entry) else f"error: {result!r}"

    results = run_at_once(
        lambda page: services.start_entry(user=user, page=page),
        threads,
        prepare=lambda: Page.objects.get(pk=page_id).specific,
    )
    return sorted(outcome(result) for result in results)


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
