""" "Use this entry for another category" asks the other category's eligibility questions
before it copies anything there, as "Start your entry" does: someone who does not qualify
is told why and nothing is copied."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.tests.builders import build_category
from awards.tests.conftest import NHS, PARTNER, QUALIFIES, TYPE
from awards.tests.reading import text
from forms import services
from forms.copying import copy_entry
from forms.exceptions import EntryError
from forms.models import Entry
from forms.tests.builders import build_entry_form, build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(client, programme, partnership):
    """Ada's entry in another category, with an answer that fits the partnership form."""
    page = build_category(
        programme,
        title="Performance Recovery Award",
        slug="recovery",
        entry_form=build_entry_form(),
    )
    ada = build_user()
    client.force_login(ada)
    entry = services.start_entry(user=ada, page=page)
    return services.save_draft(
        entry=entry,
        user=ada,
        answers={"organisation_name": "Kestrel Community Health"},
        base_version=entry.version,
    ).entry


def copy_url(entry) -> str:
    return reverse("entry_copy", args=[entry.public_id])


def copies(partnership):
    return Entry.objects.filter(page=partnership)


def test_choosing_a_category_with_a_check_asks_its_questions_first(client, source, partnership):
    response = client.post(copy_url(source), {"category": partnership.pk})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert text(soup.find("h1")) == "Before you start: can you enter this award?"
    legends = [text(legend) for legend in soup.select("legend")]
    assert legends == [TYPE, PARTNER]
    form = soup.find("form", action=copy_url(source))
    assert form.find("input", {"name": "category"})["value"] == str(partnership.pk)
    assert not copies(partnership).exists()


def test_an_unanswered_check_says_what_is_missing_and_copies_nothing(client, source, partnership):
    response = client.post(
        copy_url(source),
        {"category": partnership.pk, "eligibility": "1", "eligibility-1": "Private sector"},
    )

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert f"Select an answer for “{PARTNER}”" in text(soup.find(class_="error-summary"))
    assert not copies(partnership).exists()


def test_someone_who_does_not_qualify_is_told_why_and_nothing_is_copied(
    client, source, partnership
):
    response = client.post(
        copy_url(source), {"category": partnership.pk, "eligibility": "1", **NHS}
    )

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert text(soup.find("h1")) == "You cannot enter this award"
    assert "This award is for private sector organisations working with the NHS." in text(soup)
    change = soup.find("a", string="Change your answers")["href"]
    assert change == f"{copy_url(source)}?category={partnership.pk}"
    assert not copies(partnership).exists()
    # The link asks the same questions again, and copies nothing.
    again = client.get(change)
    assert again.status_code == 200
    assert [
        text(legend) for legend in BeautifulSoup(again.content, "html.parser").select("legend")
    ] == [TYPE, PARTNER]
    assert not copies(partnership).exists()


def test_someone_who_qualifies_gets_the_copy_with_their_answers_kept(client, source, partnership):
    response = client.post(
        copy_url(source), {"category": partnership.pk, "eligibility": "1", **QUALIFIES}
    )

    copy = copies(partnership).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("entry_copied", args=[copy.public_id])
    assert copy.answers["organisation_name"] == "Kestrel Community Health"
    assert copy.eligibility == [
        {"question": TYPE, "answer": "Private sector"},
        {"question": PARTNER, "answer": "Yes"},
    ]


@pytest.mark.parametrize("eligibility", [None, []])
def test_the_service_refuses_a_copy_that_skipped_the_check(source, partnership, eligibility):
    with pytest.raises(EntryError) as refused:
        copy_entry(source=source, user=source.entrant, page=partnership, eligibility=eligibility)

    assert "Answer the eligibility questions" in refused.value.message
    assert not copies(partnership).exists()


def test_a_full_category_says_so_before_asking_its_questions(client, source, partnership):
    services.start_entry(
        user=source.entrant,
        page=partnership,
        eligibility=[{"question": TYPE, "answer": "Private sector"}],
    )

    response = client.post(copy_url(source), {"category": partnership.pk})

    assert response.status_code == 409
    assert "as many entries to this category as it allows" in response.content.decode()
    assert "Before you start" not in response.content.decode()
    assert copies(partnership).count() == 1
