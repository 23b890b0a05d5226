"""The judging portal's pages: entries to judge, an entry with its score sheet, its files,
and on a blind panel nothing that says who entered."""

from urllib.parse import unquote

from django.urls import reverse

from forms.models import Collaborator, Role
from forms.tests.builders import build_entry_file, build_user
from judging.assignment import assign
from judging.models import ScoreSheet, SheetStatus

from .builders import build_judge, build_panel, build_submitted_entry

STORY = (
    "Ada Lovelace and Priya Shah led the work at Northshire NHS Trust; "
    "write to ada.lovelace@northshire.example.org or see www.northshire.example.org."
)


def portal_setup(category, *, blind=False, qualifying_round=False, entries=1):
    """A judge on a panel for ``category`` with ``entries`` submitted entries by Ada
    Lovelace of The Northshire NHS Foundation Trust, shared out."""
    judge = build_judge(first_name="Grace", last_name="Hopper", organisation="Judging Body")
    ada = build_user(
        "ada.lovelace@northshire.example.org",
        first_name="Ada",
        last_name="Lovelace",
        organisation="The Northshire NHS Foundation Trust",
    )
    made = [
        build_submitted_entry(
            category,
            ada,
            answers={
                "organisation_name": "The Northshire NHS Foundation Trust",
                "contact_email": "ada.lovelace@northshire.example.org",
                "context": STORY,
                "notes": "Nothing more.",
            },
        )
        for _ in range(entries)
    ]
    panel = build_panel([category], [judge], blind=blind, qualifying_round=qualifying_round)
    assign(panel)
    return judge, made[0], panel


def entry_url(entry) -> str:
    return reverse("judging:entry", args=[entry.public_id])


def test_the_list_shows_each_entry_by_category_with_its_state_and_progress(client, judged_category):
    judge, entry, panel = portal_setup(judged_category, entries=3)
    sheets = list(panel.assignments.order_by("entry__reference"))
    ScoreSheet.objects.create(assignment=sheets[0], status=SheetStatus.SUBMITTED)
    ScoreSheet.objects.create(assignment=sheets[1], version=3)
    client.force_login(judge)
    response = client.get(reverse("judging:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Entries to judge" in html
    assert judged_category.title in html
    assert "1 of 3 scored" in html
    assert '<progress class="judging-progress" max="3" value="1"' in html
    for assignment, label in zip(sheets, ["Submitted", "In progress", "Not started"], strict=True):
        assert f"Entry {assignment.entry.reference}</a>" in html
        assert label in html
    assert "The Northshire NHS Foundation Trust" in html  # not blind: who entered shows


def test_a_blind_panels_list_shows_only_references(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category, blind=True)
    client.force_login(judge)
    html = client.get(reverse("judging:home")).content.decode()
    assert f"Entry {entry.reference}" in html
    assert "Northshire" not in html


def test_a_judge_with_nothing_to_judge_is_told_who_to_ask(client, judged_category):
    judge = build_judge()
    build_panel([judged_category], [judge])
    client.force_login(judge)
    response = client.get(reverse("judging:home"))
    assert response.status_code == 200
    assert "No entries are waiting for you" in response.content.decode()
    assert "awards team" in response.content.decode()


def test_someone_on_no_panel_is_told_the_page_is_for_judges(client, judged_category):
    client.force_login(build_user("someone@example.org"))
    response = client.get(reverse("judging:home"))
    assert response.status_code == 403
    assert "This page is for judges" in response.content.decode()


def test_signing_in_comes_first(client, judged_category):
    response = client.get(reverse("judging:home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_entry_page_shows_the_answers_word_counts_files_and_the_sheet(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category)
    upload = build_entry_file(entry, b"%PDF-1.4 plan", name="Northshire plan.pdf")
    client.force_login(judge)
    response = client.get(entry_url(entry))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Entry {entry.reference}" in html
    assert "Ada Lovelace, The Northshire NHS Foundation Trust" in html
    assert STORY.split(";")[0] in html
    assert f"{len(STORY.split())} words (limit 20)" in html
    assert "Northshire plan.pdf" in html
    assert reverse("judging:file", args=[entry.public_id, upload.public_id]) in html
    for heading in ["Vision", "Delivery", "Outcomes"]:
        assert f'Score<span class="visually-hidden"> for {heading}</span>' in html
    assert 'Vision <span class="criterion__weight">(counts double)</span>' in html
    assert 'name="version" value="1"' in html
    assert "0 of 3 criteria scored" in html
    assert "Does this entry qualify?" not in html


def test_a_qualifying_round_asks_first(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category, qualifying_round=True)
    client.force_login(judge)
    html = client.get(entry_url(entry)).content.decode()
    assert "Does this entry qualify?" in html
    for value in ["yes", "no", "maybe"]:
        assert f'id="qualifying-{value}" name="qualifying" type="radio" value="{value}"' in html


def test_a_blind_judge_reads_no_name_organisation_or_address(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category, blind=True)
    priya = build_user("priya.shah@southshire.example.org", first_name="Priya", last_name="Shah")
    Collaborator.objects.create(entry=entry, user=priya, role=Role.EDIT)
    build_entry_file(entry, b"%PDF-1.4 plan", name="Northshire plan for Ada Lovelace.pdf")
    client.force_login(judge)
    html = client.get(entry_url(entry)).content.decode()
    for secret in ["Ada", "Lovelace", "Priya", "Shah", "Northshire", "northshire", "@"]:
        assert secret not in html, secret
    assert "Hidden for blind judging" in html
    assert "[withheld] and [withheld] led the work at [withheld]" in html
    assert f"{entry.reference} – Supporting document – file 1.pdf" in html


def test_a_blind_judges_file_comes_renamed(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category, blind=True)
    upload = build_entry_file(entry, b"%PDF-1.4 plan", name="Ada Lovelace CV.PDF")
    client.force_login(judge)
    response = client.get(reverse("judging:file", args=[entry.public_id, upload.public_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    disposition = unquote(response["Content-Disposition"])
    assert disposition.startswith("attachment;")
    assert f"{entry.reference} – Supporting document – file 1.pdf" in disposition
    assert "Lovelace" not in disposition
    assert "no-store" in response["Cache-Control"]


def test_a_judge_on_an_open_panel_gets_the_files_own_name(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category)
    upload = build_entry_file(entry, b"%PDF-1.4", name="Northshire plan.pdf")
    client.force_login(judge)
    response = client.get(reverse("judging:file", args=[entry.public_id, upload.public_id]))
    assert 'filename="Northshire plan.pdf"' in response["Content-Disposition"]


def test_another_entrys_file_is_not_found(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category)
    elsewhere = build_submitted_entry(judged_category)
    upload = build_entry_file(elsewhere, b"%PDF-1.4")
    client.force_login(judge)
    response = client.get(reverse("judging:file", args=[entry.public_id, upload.public_id]))
    assert response.status_code == 404


def test_the_entry_page_takes_a_handful_of_queries(
    client, judged_category, django_assert_max_num_queries
):
    judge, entry, panel = portal_setup(judged_category, blind=True)
    build_entry_file(entry, b"%PDF-1.4")
    ScoreSheet.objects.create(assignment=panel.assignments.get(), version=2)
    client.force_login(judge)
    client.get(entry_url(entry))  # the page tree and criteria, cached once per content version
    # session, user, assignment (entry, entrant, form, panel, sheet), the conflict check
    # (standing conflicts; the team and partner, read once for the check and for what a
    # blind panel withholds), files, scores
    with django_assert_max_num_queries(7):
        assert client.get(entry_url(entry)).status_code == 200


def test_the_header_links_judges_to_the_portal_and_nobody_else(client, judged_category):
    judge, entry, _panel = portal_setup(judged_category)
    link = f'<a href="{reverse("judging:home")}">Judging</a>'
    client.force_login(judge)
    assert link in client.get(reverse("my_entries")).content.decode()
    client.force_login(entry.entrant)
    assert link not in client.get(reverse("my_entries")).content.decode()
