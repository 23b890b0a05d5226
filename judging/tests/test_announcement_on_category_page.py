"""The shortlist and winners appear on the category page at their announcement times,
and not a second before: for anonymous visitors (through the page cache) and for
signed-in ones, with the clock frozen either side of each moment."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from forms.tests.builders import build_user
from judging.models import Outcome, Result

from .results_builders import ONE_SECOND, announce, build_result, build_results, later

pytestmark = pytest.mark.django_db

WINNER = "Northshire NHS Foundation Trust"
SHORTLISTED = "Riverside Integrated Care Board"


@pytest.fixture(autouse=True)
def long_cache_times(settings):
    """Caches as in production, kept for minutes: only the announcement can cut them short."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PROXY_CACHE_SECONDS = 600
    settings.BROWSER_CACHE_SECONDS = 600


def cache_control(response) -> dict[str, str]:
    parts = [part.strip() for part in response["Cache-Control"].split(",")]
    return dict(part.split("=", 1) if "=" in part else (part, "") for part in parts)


@pytest.fixture
def announced(judged_category):
    """A shortlist tomorrow and the winners the day after, with four results marked."""
    announce(judged_category, shortlist_at=later(days=1), winners_at=later(days=2))
    build_results(judged_category)
    return judged_category


def shows_nothing_of_results(html: str) -> bool:
    return all(
        text not in html
        for text in (SHORTLISTED, WINNER, "Shortlist", "shortlist", "Winners", "results.css")
    )


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed in"])
def test_the_shortlist_appears_at_its_time_and_not_a_second_before(client, announced, signed_in):
    if signed_in:
        client.force_login(build_user("reader@example.org"))
    url = announced.url

    with freeze_time(announced.shortlist_at - timedelta(hours=1)):
        assert shows_nothing_of_results(client.get(url).content.decode())
    with freeze_time(announced.shortlist_at - ONE_SECOND):
        before = client.get(url)
    assert before.status_code == 200
    assert shows_nothing_of_results(before.content.decode())

    with freeze_time(announced.shortlist_at + ONE_SECOND):
        after = client.get(url)
    if not signed_in:
        assert after["X-Page-Cache"] == "miss", "the copy made before was not kept past it"
    page = after.content.decode()
    assert '<h2 id="shortlist">Shortlist</h2>' in page
    for organisation in (WINNER, SHORTLISTED, "Eastmoor Community Health"):
        assert organisation in page
    assert "Theatres back to full" in page  # the entry's title
    # Who won is not said until the winners' time.
    assert "Winners" not in page and "Highly commended" not in page
    assert "badge--winner" not in page


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed in"])
def test_the_winners_appear_at_their_time_and_not_a_second_before(client, announced, signed_in):
    if signed_in:
        client.force_login(build_user("reader@example.org"))
    url = announced.url

    with freeze_time(announced.winners_at - ONE_SECOND):
        before = client.get(url).content.decode()
    assert "Shortlist" in before
    assert "Winners" not in before and "Highly commended" not in before

    with freeze_time(announced.winners_at + ONE_SECOND):
        after = client.get(url)
    page = after.content.decode()
    assert '<h2 id="winners">Winners</h2>' in page
    assert "Highly commended" in page
    winners_section = page.split('<h2 id="winners">')[1].split('<h2 id="shortlist">')[0]
    assert WINNER in winners_section and "Eastmoor Community Health" in winners_section
    assert SHORTLISTED not in winners_section
    assert SHORTLISTED in page  # still on the shortlist


def test_a_cached_anonymous_page_is_kept_no_longer_than_the_next_announcement(
    client, judged_category
):
    shortlist_at = later(seconds=45)
    announce(judged_category, shortlist_at=shortlist_at, winners_at=later(days=1))
    build_results(judged_category)

    with freeze_time(shortlist_at - timedelta(seconds=30)):
        response = client.get(judged_category.url)
    control = cache_control(response)
    assert "public" in control
    assert 0 < int(control["s-maxage"]) <= 30
    assert 0 < int(control["max-age"]) <= 30
    assert response.page_cache_seconds <= 30

    with freeze_time(shortlist_at - ONE_SECOND):
        cached = client.get(judged_category.url)
    assert cached["X-Page-Cache"] == "hit"
    assert SHORTLISTED not in cached.content.decode()
    with freeze_time(shortlist_at):
        on_time = client.get(judged_category.url)
    assert on_time["X-Page-Cache"] == "miss"
    assert SHORTLISTED in on_time.content.decode()


def test_a_programmes_announcement_caps_every_page_too(client, judged_category):
    programme = judged_category.get_parent().specific
    programme.shortlist_at = later(seconds=20)
    programme.save_revision().publish()

    response = client.get(programme.url)
    assert int(cache_control(response)["s-maxage"]) <= 20


def test_a_result_marked_after_the_announcement_shows_at_once_through_the_cache(
    client, judged_category
):
    announce(judged_category, shortlist_at=later(seconds=-60), winners_at=later(seconds=-30))
    build_result(judged_category, "Ashdown Partnership Trust", "Beds without delay")
    first = client.get(judged_category.url)
    assert "Ashdown Partnership Trust" in first.content.decode()
    assert client.get(judged_category.url)["X-Page-Cache"] == "hit"

    late = build_result(judged_category, "Kestrel Health", "Late entry", Outcome.WINNER)
    page = client.get(judged_category.url).content.decode()
    assert "Kestrel Health" in page and '<h2 id="winners">Winners</h2>' in page

    late.delete()
    page = client.get(judged_category.url).content.decode()
    assert "Kestrel Health" not in page and "Winners" not in page


def test_changing_the_announcement_time_reaches_a_cached_page_at_once(client, announced):
    url = announced.url
    assert SHORTLISTED not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    announce(announced, shortlist_at=timezone.now() - ONE_SECOND, winners_at=later(days=2))
    assert SHORTLISTED in client.get(url).content.decode()


def test_a_result_marked_before_the_announcement_changes_no_public_page(client, announced):
    before = client.get(announced.url).content.decode()
    Result.objects.filter(outcome=Outcome.SHORTLISTED).update(outcome=Outcome.WINNER)
    build_result(announced, "Kestrel Health", "Late entry")

    assert client.get(announced.url).content.decode() == before
    assert shows_nothing_of_results(before)


def test_the_editors_preview_fills_no_cache(announced):
    from django.test import Client

    preview = announced.make_preview_request()
    assert preview.status_code == 200
    anonymous = Client().get(announced.url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert shows_nothing_of_results(anonymous.content.decode())


def test_the_programme_page_lists_the_results_from_the_shortlist_time(client, announced):
    programme = announced.get_parent().specific
    with freeze_time(announced.shortlist_at - ONE_SECOND):
        before = client.get(programme.url).content.decode()
    assert "Results" not in before and "#shortlist" not in before

    with freeze_time(announced.shortlist_at + ONE_SECOND):
        after = client.get(programme.url).content.decode()
    assert '<h2 id="results">Results</h2>' in after
    assert f'href="{announced.url}#shortlist"' in after
    with freeze_time(announced.winners_at + ONE_SECOND):
        after = client.get(programme.url).content.decode()
    assert f'href="{announced.url}#winners"' in after
