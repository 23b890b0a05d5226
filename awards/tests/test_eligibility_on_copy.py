""" "Use this entry for another category" asks the other category's eligibility questions
before it starts anything there, as "Start your entry" does: someone who does not qualify
is told why and no copy is made."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from awards.tests.builders import build_category, build_programme
from awards.tests.reading import text
from awards.tests.test_eligibility import NHS, PARTNER, QUALIFIES, REFUSAL, TYPE, eligibility_blocks
from forms import services
from forms.copying import copy_entry
from forms.exceptions import EntryError
from forms.models import Entry
from forms.tests.builders import build_entry_form, build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(home_page):
    return build_programme(home_page)


@pytest.fixture
def partnership(programme):
    return build_category(
        programme,
        title="Private Sector Partnership Award",
        slug="partnership",
        reference_code="PSP",
        entry_form=build_entry_form(),
        eligibility_check=eligibility_blocks(),
        not_eligible_message=REFUSAL,
    )


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
    assert soup.find("a", string="Change your answers")["href"] == copy_url(source)
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


def test_the_service_refuses_a_copy_that_skipped_the_check(source, partnership):
    with pytest.raises(EntryError) as refused:
        copy_entry(source=source, user=source.entrant, page=partnership)

    assert "Answer the eligibility questions" in refused.value.message
    assert not copies(partnership).exists()
