"""Two people, two processes, one entry: each saves a different answer 500 times at the
same moments, as their pages would (every answer posted, with its base version), and not
one save is refused and not one answer is lost.

Real processes with their own database connections, on the test database
(PostgreSQL in CI, and a SQLite file locally).
"""

import multiprocessing

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from forms import services
from forms.models import AnswerRevision, Collaborator, Entry, Role
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = 500
CONTEXT = multiprocessing.get_context("fork")
OWN = {0: "context", 1: "notes"}  # the answer each person writes


def _person(worker: int, entry_pk: int, user_pk: int, barrier, results) -> None:
    connections.close_all()  # a process of its own needs connections of its own
    user = get_user_model().objects.get(pk=user_pk)
    mine, theirs = OWN[worker], OWN[1 - worker]
    shown = {mine: "", theirs: ""}  # what this person's page shows
    bases = {mine: 0, theirs: 0}
    version = 1
    outcomes = []
    for round_number in range(ROUNDS):
        shown[mine] = f"round {round_number} by worker {worker}"
        barrier.wait(timeout=30)
        entry = Entry.objects.select_related("page", "form").get(pk=entry_pk)
        try:
            result = services.save_draft(
                entry=entry,
                user=user,
                answers=dict(shown),
                base_version=version,
                bases=dict(bases),
                writer=f"page-of-worker-{worker}.{round_number + 1}",
            )
        except Exception as error:  # noqa: BLE001 - any refusal or error is the test failing
            outcomes.append(f"error: {error!r}")
            continue
        outcomes.append("saved")
        version = result.entry.version
        bases.update(result.versions)
        for key in result.others:  # the other person's newer text, as the page would show it
            shown[key] = result.entry.answers[key]
    connections.close_all()
    results.put((worker, outcomes))


def test_two_people_saving_different_answers_500_times_lose_nothing(open_category, entrant):
    colleague = build_user("colleague@example.org", first_name="Priya", last_name="Shah")
    entry = services.start_entry(user=entrant, page=open_category)
    Collaborator.objects.create(entry=entry, user=colleague, role=Role.EDIT)
    barrier = CONTEXT.Barrier(2)
    results = CONTEXT.Queue()
    people = {0: entrant.pk, 1: colleague.pk}
    workers = [
        CONTEXT.Process(target=_person, args=(n, entry.pk, people[n], barrier, results))
        for n in (0, 1)
    ]
    connections.close_all()
    for process in workers:
        process.start()
    outcomes = dict(results.get(timeout=600) for _ in workers)
    for process in workers:
        process.join(timeout=30)

    assert [o for o in outcomes[0] + outcomes[1] if o != "saved"] == []
    entry.refresh_from_db()
    assert entry.answers == {
        "context": f"round {ROUNDS - 1} by worker 0",
        "notes": f"round {ROUNDS - 1} by worker 1",
    }
    assert entry.version == 1 + 2 * ROUNDS
    # Every one of the 1,000 changes is in the history, by the person who made it.
    history = AnswerRevision.objects.filter(entry=entry)
    assert history.filter(key="context", author=entrant).count() == ROUNDS
    assert history.filter(key="notes", author=colleague).count() == ROUNDS
    assert history.count() == 2 * ROUNDS
