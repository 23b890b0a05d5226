"""Editors set when a programme's (or a category's own) results are announced: the
shortlist first, the winners at the same moment or later, in UK time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from awards.models import CategoryPage, ProgrammePage
from awards.tests.builders import build_category, build_programme
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
SHORTLIST = datetime(2027, 6, 1, 10, 0, tzinfo=LONDON)
WINNERS = datetime(2027, 7, 1, 19, 30, tzinfo=LONDON)


def errors_of(page, **times) -> dict:
    for name, value in times.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_the_winners_may_not_come_before_the_shortlist(home_page):
    programme = build_programme(home_page)
    errors = errors_of(programme, shortlist_at=WINNERS, winners_at=SHORTLIST)
    assert errors == {
        "winners_at": [
            "The winners cannot be announced before the shortlist (7:30pm on Thursday "
            "1 July 2027, UK time). Choose a time at or after it."
        ]
    }


def test_winners_need_a_shortlist_time_but_may_share_it(home_page):
    assert "shortlist_at" in errors_of(build_programme(home_page), winners_at=WINNERS)
    build_programme(home_page, shortlist_at=SHORTLIST, winners_at=SHORTLIST).clean()
    build_programme(home_page, shortlist_at=SHORTLIST).clean()  # winners not yet set


def test_a_categorys_times_are_checked_with_the_programmes_it_falls_back_on(home_page):
    programme = build_programme(home_page, shortlist_at=SHORTLIST, winners_at=WINNERS)
    category = build_category(programme)
    category.winners_at = datetime(2027, 5, 1, 12, 0, tzinfo=LONDON)  # before its shortlist
    assert "winners_at" in errors_of(category)

    category.winners_at = None
    category.shortlist_at = datetime(2027, 6, 15, 9, 0, tzinfo=LONDON)
    category.clean()  # its own shortlist, still before the programme's winners


def test_the_category_editor_shows_the_programmes_times_in_uk_time(client, home_page):
    programme = build_programme(home_page, shortlist_at=SHORTLIST, winners_at=WINNERS)
    category = build_category(programme)
    client.force_login(build_user("admin@example.org", is_superuser=True, is_staff=True))

    page = client.get(reverse("wagtailadmin_pages:edit", args=[category.pk])).content.decode()
    assert (
        f"{programme.title} announces its shortlists at 10am on Tuesday 1 June 2027 and its "
        "winners at 7:30pm on Thursday 1 July 2027 (UK time)."
    ) in page


def test_an_editor_who_sets_the_winners_first_is_told_and_nothing_is_saved(client, home_page):
    programme = build_programme(home_page, title="Healthcare Awards 2027")
    client.force_login(build_user("admin@example.org", is_superuser=True, is_staff=True))
    data = nested_form_data(
        {
            "title": "Healthcare Awards 2027",
            "slug": programme.slug,
            "reminder_days": "7",
            "shortlist_at": "2027-07-01 19:30",
            "winners_at": "2027-06-01 10:00",
            "key_dates": inline_formset([]),
            "contact_links": inline_formset([]),
            "sponsor_links": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[programme.pk]), data)

    assert response.status_code == 200
    assert "The winners cannot be announced before the shortlist" in response.content.decode()
    assert ProgrammePage.objects.get(pk=programme.pk).winners_at is None


def test_a_new_category_with_its_own_times_is_checked_too(client, home_page):
    programme = build_programme(home_page)
    client.force_login(build_user("admin@example.org", is_superuser=True, is_staff=True))
    data = nested_form_data(
        {
            "title": "Backwards Award",
            "slug": "backwards-award",
            "summary": "Winners before the shortlist.",
            "eligibility_check": streamfield([]),
            "how_to_apply": streamfield([]),
            "criteria": streamfield([]),
            "contact_links": inline_formset([]),
            "entries_per_account": "1",
            "collaborator_limit": "5",
            "shortlist_at": "2027-07-01 19:30",
            "winners_at": "2027-06-01 10:00",
            "action-publish": "action-publish",
        }
    )
    add_url = reverse("wagtailadmin_pages:add", args=["awards", "categorypage", programme.pk])
    response = client.post(add_url, data)

    assert response.status_code == 200
    assert "The winners cannot be announced before the shortlist" in response.content.decode()
    assert not CategoryPage.objects.filter(slug="backwards-award").exists()
