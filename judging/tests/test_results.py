"""What the public sees of a category's results at a moment (judging/results.py)."""

from datetime import timedelta

import pytest

from forms.models import EntryStatus
from forms.tests.builders import build_user
from judging.models import Outcome, Result
from judging.results import (
    SHORTLIST,
    WINNERS,
    next_announcement,
    public_results,
    results_stage,
)

from .builders import build_submitted_entry
from .results_builders import ONE_SECOND, announce, build_result, build_results, later

pytestmark = pytest.mark.django_db


def test_nothing_is_public_before_the_shortlist_time(judged_category):
    shortlist_at = later(days=1)
    announce(judged_category, shortlist_at=shortlist_at, winners_at=later(days=2))
    build_results(judged_category)

    assert results_stage(judged_category, shortlist_at - ONE_SECOND) is None
    assert public_results(judged_category, shortlist_at - ONE_SECOND) is None


def test_the_shortlist_is_public_from_its_time_without_saying_who_won(judged_category):
    shortlist_at, winners_at = later(days=1), later(days=2)
    announce(judged_category, shortlist_at=shortlist_at, winners_at=winners_at)
    build_results(judged_category)

    results = public_results(judged_category, shortlist_at)
    assert results_stage(judged_category, shortlist_at) == SHORTLIST
    assert [p.organisation for p in results.shortlist] == [
        "Ashdown Partnership Trust",
        "Eastmoor Community Health",
        "Northshire NHS Foundation Trust",
        "Riverside Integrated Care Board",
    ]  # alphabetical: nothing of the ranking
    assert results.winners == () and results.highly_commended == ()
    assert not results.announced_winners

    results = public_results(judged_category, winners_at - ONE_SECOND)
    assert results.winners == ()


def test_the_winners_are_public_from_theirs(judged_category):
    winners_at = later(days=2)
    announce(judged_category, shortlist_at=later(days=1), winners_at=winners_at)
    build_results(judged_category)

    results = public_results(judged_category, winners_at)
    assert results.stage == WINNERS
    assert [(p.organisation, p.title) for p in results.winners] == [
        ("Northshire NHS Foundation Trust", "Theatres back to full")
    ]
    assert [p.organisation for p in results.highly_commended] == ["Eastmoor Community Health"]
    assert len(results.shortlist) == 4


def test_an_entry_is_named_by_its_answers_else_the_entrants_account(judged_category):
    announce(judged_category, shortlist_at=later(seconds=-10))
    named = build_result(judged_category, "Westvale Hospitals", "Seven-day discharge")
    entrant = build_user("lead@example.org", organisation="Kestrel Primary Care Network")
    bare = build_submitted_entry(judged_category, entrant, answers={"context": "…"})
    Result.objects.create(entry=bare, outcome=Outcome.SHORTLISTED)

    shown = {(p.organisation, p.title) for p in public_results(judged_category).shortlist}
    assert shown == {
        ("Westvale Hospitals", "Seven-day discharge"),
        # No title question answered: the category's name stands in.
        ("Kestrel Primary Care Network", "Performance Recovery Award"),
    }
    assert named.entry.reference not in str(shown)


def test_a_withdrawn_entry_is_not_shown_and_other_categories_results_are_not_mixed_in(
    judged_category,
):
    from awards.tests.builders import build_category

    announce(judged_category, shortlist_at=later(seconds=-10))
    withdrawn = build_result(judged_category, "Withdrawn Trust", "Gone")
    withdrawn.entry.status = EntryStatus.WITHDRAWN
    withdrawn.entry.save()
    other = build_category(
        judged_category.get_parent().specific,
        title="Other Award",
        entry_form=judged_category.entry_form,
    )
    build_result(other, "Elsewhere Trust", "Not here")
    build_result(judged_category, "Shown Trust", "Here")

    assert [p.organisation for p in public_results(judged_category).shortlist] == ["Shown Trust"]


def test_the_programmes_times_apply_when_the_category_has_none(judged_category):
    programme = judged_category.get_parent().specific
    programme.shortlist_at = later(hours=3)
    programme.winners_at = later(hours=5)
    programme.save_revision().publish()
    page = type(judged_category).objects.get(pk=judged_category.pk)

    assert results_stage(page, programme.shortlist_at - ONE_SECOND) is None
    assert results_stage(page, programme.shortlist_at) == SHORTLIST
    assert results_stage(page, programme.winners_at) == WINNERS


def test_the_selector_reads_the_results_in_one_query(judged_category, django_assert_num_queries):
    announce(judged_category, shortlist_at=later(seconds=-10), winners_at=later(seconds=-5))
    build_results(judged_category)
    page = type(judged_category).objects.get(pk=judged_category.pk)
    results_stage(page)  # the programme's times, kept per content version

    with django_assert_num_queries(1):
        results = public_results(page)
    assert len(results.shortlist) == 4 and len(results.winners) == 1


def test_the_next_announcement_is_the_first_time_after_now_of_any_category_or_programme(
    judged_category,
):
    first, second, third = later(hours=1), later(hours=2), later(hours=3)
    announce(judged_category, shortlist_at=first, winners_at=third)
    programme = judged_category.get_parent().specific
    programme.shortlist_at, programme.winners_at = second, third
    programme.save_revision().publish()

    assert next_announcement(first - timedelta(minutes=5)) == first
    assert next_announcement(first) == second  # "after": the moment itself has come
    assert next_announcement(second + ONE_SECOND) == third
    assert next_announcement(third) is None
