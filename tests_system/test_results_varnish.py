"""The shortlist and winners through Varnish: absent one second before each announcement,
present one second after, though Varnish keeps anonymous pages for minutes.

The site runs in its own process (gunicorn), whose clock cannot be frozen: the
announcements are set a few seconds ahead on the real clock, and the test waits
for each moment. What holds the line is the page's lifetime: every anonymous
response is marked cacheable only until the next announcement (judging.results
next_announcement, a time horizon of publishing.serving), so Varnish's copy
expires at the moment itself.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from judging.models import Outcome, Result
from judging.tests.builders import build_submitted_entry, weighted_criteria

from .http import signed_in_session
from .test_varnish import from_cache, varnish  # noqa: F401 - the fixture, shared

pytestmark = pytest.mark.django_db(transaction=True)

WINNER = "Northshire NHS Foundation Trust"
SHORTLISTED = "Riverside Integrated Care Board"


def wait_for(moment) -> None:
    pause = (moment - timezone.now()).total_seconds()
    if pause > 0:
        time.sleep(pause)


def cache_control(response) -> dict[str, str]:
    parts = [part.strip() for part in response.headers["Cache-Control"].split(",")]
    return dict(part.split("=", 1) if "=" in part else (part, "") for part in parts)


def test_results_appear_through_varnish_at_their_times_and_not_a_second_before(
    varnish,  # noqa: F811
    open_category,
    entrant,
):
    # Whole seconds, a few ahead: time to fill Varnish's cache before each.
    start = timezone.now().replace(microsecond=0)
    shortlist_at = start + timedelta(seconds=6)
    winners_at = start + timedelta(seconds=11)
    open_category.criteria = weighted_criteria()
    open_category.shortlist_at, open_category.winners_at = shortlist_at, winners_at
    open_category.save_revision().publish()
    for organisation, outcome in ((WINNER, Outcome.WINNER), (SHORTLISTED, Outcome.SHORTLISTED)):
        entry = build_submitted_entry(
            open_category,
            answers={"organisation_name": organisation, "entry_title": "Recovery"},
        )
        Result.objects.create(entry=entry, outcome=outcome)
    url = open_category.url
    session_id = signed_in_session(entrant).cookies[settings.SESSION_COOKIE_NAME]
    signed_in = f"{settings.SESSION_COOKIE_NAME}={session_id}"

    # Before: Varnish keeps the page, but not past the shortlist's moment.
    first = varnish.get(url)
    assert first.status_code == 200 and WINNER not in first.text
    assert 0 < int(cache_control(first)["s-maxage"]) <= 6
    assert from_cache(varnish.get(url))

    wait_for(shortlist_at - timedelta(seconds=1))
    for cookie in ("", signed_in):
        before = varnish.get(url, cookie=cookie)
        assert WINNER not in before.text and SHORTLISTED not in before.text
        assert "Shortlist" not in before.text

    wait_for(shortlist_at + timedelta(seconds=1))
    for cookie in ("", signed_in):
        after = varnish.get(url, cookie=cookie)
        assert SHORTLISTED in after.text and WINNER in after.text, cookie or "anonymous"
        assert "Winners" not in after.text
    assert from_cache(varnish.get(url)), "the shortlisted page is cached in its turn"

    wait_for(winners_at - timedelta(seconds=1))
    for cookie in ("", signed_in):
        assert "Winners" not in varnish.get(url, cookie=cookie).text

    wait_for(winners_at + timedelta(seconds=1))
    for cookie in ("", signed_in):
        after = varnish.get(url, cookie=cookie)
        assert '<h2 id="winners">Winners</h2>' in after.text, cookie or "anonymous"
