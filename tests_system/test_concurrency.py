"""Two processes on one draft: one wins, the other is refused; nothing is lost or doubled.

Real processes with their own database connections, on the test database
(PostgreSQL in CI, and a SQLite file locally).
"""

import multiprocessing

import pytest
from django.db import connections

from forms import services
from forms.exceptions import EntryLimitReached, EntryNotEditable, StaleDraft
from forms.models import Entry, EntryEvent, ReferenceSequence
from forms.tests.builders import complete_answers

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 500
CONTEXT = multiprocessing.get_context("fork")


def _saver(worker: int, entry_pk: int, barrier, results) -> None:
    connections.close_all()  # a process of its own needs connections of its own
    outcomes = []
    for round_number in range(ROUNDS):
        barrier.wait(timeout=30)
        entry = Entry.objects.select_related("page", "form", "entrant").get(pk=entry_pk)
        base = 1 + round_number
        entry.version = base  # both start from the same version in every round
        try:
            services.save_draft(
                entry=entry,
                user=entry.entrant,
                answers={"context": f"round {round_number} by worker {worker}"},
                base_version=base,
            )
            outcomes.append("won")
        except StaleDraft:
            outcomes.append("stale")
        except Exception as error:  # noqa: BLE001 - any other error is the test failing
            outcomes.append(f"error: {error!r}")
    connections.close_all()
    results.put((worker, outcomes))


def test_two_processes_saving_one_draft_500_times_lose_nothing(open_category, entrant):
    entry = services.start_entry(user=entrant, page=open_category)
    barrier = CONTEXT.Barrier(2)
    results = CONTEXT.Queue()
    workers = [CONTEXT.Process(target=_saver, args=(n, entry.pk, barrier, results)) for n in (0, 1)]
    connections.close_all()
    for process in workers:
        process.start()
    outcomes = dict(results.get(timeout=300) for _ in workers)
    for process in workers:
        process.join(timeout=30)

    errors = [o for o in outcomes[0] + outcomes[1] if o.startswith("error")]
    assert errors == []
    winners = [[n for n in (0, 1) if outcomes[n][r] == "won"] for r in range(ROUNDS)]
    assert all(len(w) == 1 for w in winners), "every round has exactly one winner"
    entry.refresh_from_db()
    assert entry.version == 1 + ROUNDS
    assert entry.answers == {"context": f"round {ROUNDS - 1} by worker {winners[-1][0]}"}


def _act(action: str, entry_pk: int, base: int, barrier, results) -> None:
    from django.core import mail

    connections.close_all()
    entry = Entry.objects.select_related("page", "form", "entrant").get(pk=entry_pk)
    barrier.wait(timeout=30)
    try:
        if action == "submit":
            services.submit_entry(entry=entry, user=entry.entrant, base_version=base)
        else:
            services.save_draft(
                entry=entry, user=entry.entrant, answers={"notes": "late edit"}, base_version=base
            )
        outcome = "ok"
    except (StaleDraft, EntryNotEditable) as refusal:
        outcome = type(refusal).__name__
    except Exception as error:  # noqa: BLE001
        outcome = f"error: {error!r}"
    connections.close_all()
    results.put((action, outcome, len(mail.outbox)))


def race(entry_pk: int, base: int, actions: list[str]) -> list[tuple[str, str, int]]:
    barrier = CONTEXT.Barrier(len(actions))
    results = CONTEXT.Queue()
    processes = [
        CONTEXT.Process(target=_act, args=(a, entry_pk, base, barrier, results)) for a in actions
    ]
    connections.close_all()
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    return outcomes


@pytest.fixture
def complete_draft(open_category, entrant):
    entry = services.start_entry(user=entrant, page=open_category)
    services.save_draft(entry=entry, user=entrant, answers=complete_answers(), base_version=1)
    return entry


@pytest.mark.parametrize("attempt", range(5))
def test_a_double_submit_gives_one_submission_one_reference_one_email(complete_draft, attempt):
    outcomes = race(complete_draft.pk, 2, ["submit", "submit"])
    assert sorted(o[1] for o in outcomes) == ["EntryNotEditable", "ok"] or sorted(
        o[1] for o in outcomes
    ) == ["StaleDraft", "ok"]
    assert sum(emails for _, _, emails in outcomes) == 1
    entry = Entry.objects.get(pk=complete_draft.pk)
    assert entry.status == "submitted" and entry.reference.endswith("-0001")
    assert EntryEvent.objects.filter(entry=entry, action="submitted").count() == 1
    assert ReferenceSequence.objects.get().last_number == 1


@pytest.mark.parametrize("attempt", range(5))
def test_submit_racing_a_save_lets_exactly_one_through(complete_draft, attempt):
    outcomes = dict(
        (action, outcome) for action, outcome, _ in race(complete_draft.pk, 2, ["submit", "save"])
    )
    assert list(outcomes.values()).count("ok") == 1
    assert all(o in ("ok", "StaleDraft", "EntryNotEditable") for o in outcomes.values())
    entry = Entry.objects.get(pk=complete_draft.pk)
    if outcomes["submit"] == "ok":
        assert entry.status == "submitted" and "notes" not in entry.answers
    else:
        assert entry.status == "draft" and entry.answers["notes"] == "late edit"


def _start(user_pk: int, page_pk: int, barrier, results) -> None:
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    connections.close_all()
    user = get_user_model().objects.get(pk=user_pk)
    page = Page.objects.get(pk=page_pk).specific
    barrier.wait(timeout=30)
    try:
        services.start_entry(user=user, page=page)
        outcome = "started"
    except EntryLimitReached:
        outcome = "limit"
    except Exception as error:  # noqa: BLE001
        outcome = f"error: {error!r}"
    connections.close_all()
    results.put(outcome)


@pytest.mark.parametrize("attempt", range(5))
def test_two_processes_starting_entries_at_once_stop_at_the_limit(open_category, entrant, attempt):
    """Issue #11: two quick clicks on "Start your entry", served by two processes."""
    barrier = CONTEXT.Barrier(2)
    results = CONTEXT.Queue()
    processes = [
        CONTEXT.Process(target=_start, args=(entrant.pk, open_category.pk, barrier, results))
        for _ in range(2)
    ]
    connections.close_all()
    for process in processes:
        process.start()
    outcomes = sorted(results.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(timeout=30)
    assert outcomes == ["limit", "started"]
    assert Entry.objects.filter(entrant=entrant, page_id=open_category.pk).count() == 1
