"""A category's eligibility check before "Start your entry": who qualifies, who is sent
elsewhere, and what organisers read afterwards. (Copying an entry into the category asks
it too: test_eligibility_on_copy.py.)"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError

from awards.eligibility import ChoiceEligibilityBlock
from awards.tests.conftest import NHS, PARTNER, QUALIFIES, TYPE
from awards.tests.reading import text
from forms import services
from forms.models import Entry
from forms.tests.builders import build_entry_form, build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(client):
    user = build_user()
    client.force_login(user)
    return user


def check_url(page) -> str:
    return reverse("eligibility_check", args=[page.pk])


def test_start_your_entry_leads_to_the_check_not_to_a_new_entry(client, ada, partnership):
    soup = BeautifulSoup(client.get(partnership.url).content, "html.parser")
    starts = [a for a in soup.find_all("a") if text(a) == "Start your entry"]
    assert starts and {a["href"] for a in starts} == {check_url(partnership)}
    assert not soup.find("form", action=reverse("entry_start", args=[partnership.pk]))

    response = client.post(reverse("entry_start", args=[partnership.pk]))
    assert response.status_code == 302 and response["Location"] == check_url(partnership)
    assert not Entry.objects.exists()


def test_the_check_asks_each_question_as_radios(client, ada, partnership):
    soup = BeautifulSoup(client.get(check_url(partnership)).content, "html.parser")
    legends = [text(legend) for legend in soup.select("fieldset legend")]
    assert legends == [TYPE, PARTNER]
    options = [text(label) for label in soup.select("fieldset")[0].select("label")]
    assert options == ["NHS organisation", "Private sector", "Charity"]
    assert [i["value"] for i in soup.select("input[name=eligibility-2]")] == ["Yes", "No"]


def test_an_unanswered_check_says_what_is_missing_and_starts_nothing(client, ada, partnership):
    response = client.post(check_url(partnership), {"eligibility-1": "Private sector"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(class_="error-summary")
    assert [text(a) for a in summary.find_all("a")] == [f"Select an answer for “{PARTNER}”"]
    assert summary.find("a")["href"] == "#eligibility-2-1"
    assert soup.find(id="eligibility-1-2").has_attr("checked")  # what was chosen stays chosen
    assert not Entry.objects.exists()


def test_a_qualifying_entrant_starts_an_entry_that_keeps_the_answers(client, ada, partnership):
    response = client.post(check_url(partnership), QUALIFIES)
    assert response.status_code == 302
    assert response["Location"] == f"{partnership.url}#entry"
    entry = Entry.objects.get(entrant=ada, page=partnership)
    assert entry.eligibility == [
        {"question": TYPE, "answer": "Private sector"},
        {"question": PARTNER, "answer": "Yes"},
    ]


def test_someone_who_does_not_qualify_reads_why_and_where_else_to_go(
    client, ada, partnership, elsewhere
):
    response = client.post(check_url(partnership), NHS)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert text(soup.find("h1")) == "You cannot enter this award"
    assert "This award is for private sector organisations working with the NHS." in text(soup)
    suggestion = soup.find(class_="eligibility__suggestion")
    assert text(suggestion) == "You may be eligible for Provider Collaboration Award."
    assert suggestion.find("a")["href"] == elsewhere.url
    assert not Entry.objects.exists()


def test_a_no_never_touches_an_entry_already_written(client, ada, partnership):
    partnership.entries_per_account = 2
    partnership.save_revision().publish()
    entry = services.start_entry(user=ada, page=partnership)
    services.save_draft(
        entry=entry, user=ada, answers={"context": "Two years of work."}, base_version=1
    )

    response = client.post(check_url(partnership), NHS)

    assert response.status_code == 200
    assert "nothing in it has changed" in response.content.decode()
    assert list(Entry.objects.values_list("pk", "answers")) == [
        (entry.pk, {"context": "Two years of work."})
    ]


def test_organisers_read_the_answers_in_the_entries_admin(client, partnership):
    entrant = build_user()
    client.force_login(entrant)
    client.post(check_url(partnership), QUALIFIES)
    entry = Entry.objects.get()
    manager = build_user("manager@example.org", is_staff=True)
    manager.groups.add(Group.objects.get(name="Entries managers"))
    client.force_login(manager)

    response = client.get(reverse("forms_entry_modeladmin_inspect", args=[entry.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    answers = soup.find(class_="entry-inspect__eligibility")
    assert [text(dt) for dt in answers.find_all("dt")] == [TYPE, PARTNER]
    assert [text(dd) for dd in answers.find_all("dd")] == ["Private sector", "Yes"]


def test_a_category_without_a_check_starts_entries_at_once(client, ada, elsewhere):
    elsewhere.entry_form = build_entry_form()
    elsewhere.save_revision().publish()
    response = client.get(check_url(elsewhere))
    assert response.status_code == 302
    client.post(reverse("entry_start", args=[elsewhere.pk]))
    assert Entry.objects.get().eligibility == []


def test_an_editor_must_name_qualifying_answers_among_the_choices():
    block = ChoiceEligibilityBlock()
    value = block.to_python(
        {
            "question": TYPE,
            "choices": ["NHS organisation", "Private sector"],
            "qualifying": "Charity",
        }
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert refused.value.block_errors["qualifying"].messages == [
        "“Charity” is not one of the choices. Type the answers that can enter, one per line, "
        "from: NHS organisation, Private sector."
    ]


def test_a_closed_category_asks_nothing_and_starts_nothing(client, ada, partnership):
    partnership.entries_closed = True
    partnership.save_revision().publish()
    response = client.get(check_url(partnership), follow=True)
    assert "Entries are now closed." in response.content.decode()
    assert "Before you start" not in response.content.decode()
    client.post(check_url(partnership), QUALIFIES)
    assert not Entry.objects.exists()
