"""Judging from end to end in a real Chromium: an organiser builds a blind panel of three
judges for the Performance Recovery category in the admin and invites them; each accepts
from the emailed link. One judge works where an entrant works, and is kept from that
entry without anyone declaring it. A judge reads an entry with no name, organisation or
address anywhere (text or file names), and the judges score with autosave and submit.
The organiser's leaderboard then ranks the entries and exports them."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests_browser.staff import sign_in_to_admin, staff_member
from tests_system.http import signed_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENTRANTS = [
    # name, organisation, address, scores by judge (Vision ×2, Delivery, Outcomes)
    ("Mae Jemison", "Northshire NHS Foundation Trust", "mae@northshire.example.org"),
    ("Alan Turing", "Riverside Community Health", "alan@riverside.example.org"),
    ("Rosalind Franklin", "Eastgate Hospitals Ltd", "rosalind@eastgate.example.org"),
]
JUDGES = [
    ("Grace", "Hopper", "Northshire NHS Trust", "grace@judges.example.org"),
    ("Ada", "Byron", "Westmoor Health Partners", "ada@westmoor.example.org"),
    ("Katherine", "Johnson", "Lakeside Care", "katherine@lakeside.example.org"),
]
# Each judge's scores for each entrant's entry: Vision, Delivery, Outcomes.
SCORES = {
    "Grace": {"Alan Turing": (6, 6, 6), "Rosalind Franklin": (8, 7, 7)},
    "Ada": {
        "Mae Jemison": (9, 8, 9),
        "Alan Turing": (5, 6, 4),
        "Rosalind Franklin": (7, 7, 8),
    },
    "Katherine": {
        "Mae Jemison": (8, 9, 9),
        "Alan Turing": (4, 5, 5),
        "Rosalind Franklin": (8, 6, 7),
    },
}


@pytest.fixture
def competition(transactional_db):
    """A closed Performance Recovery category (criteria Vision ×2, Delivery, Outcomes) with
    three submitted entries, each naming its organisation in its text and its file."""
    from awards.tests.builders import build_category, build_home, build_programme
    from forms.tests.builders import build_entry_file, build_entry_form, build_user
    from judging.tests.builders import build_submitted_entry, weighted_criteria

    category = build_category(
        build_programme(build_home()),
        entry_form=build_entry_form(),
        criteria=weighted_criteria(),
        entries_close_at=timezone.now() - timedelta(days=1),
    )
    entries = {}
    for name, organisation, email in ENTRANTS:
        first, last = name.split()
        entrant = build_user(email, first_name=first, last_name=last, organisation=organisation)
        entry = build_submitted_entry(
            category,
            entrant,
            answers={
                "organisation_name": organisation,
                "contact_email": email,
                "context": f"At {organisation}, {name} led the recovery of elective care.",
            },
        )
        build_entry_file(entry, b"%PDF-1.4 evidence", name=f"{organisation} evidence.pdf")
        entries[name] = entry
    judges = {}
    for first, last, organisation, email in JUDGES:
        judges[first] = build_user(
            email, first_name=first, last_name=last, organisation=organisation
        )
    staff_member("olu.manager@example.org", "Entries managers", first_name="Olu")
    return category, entries, judges


def build_the_panel(page, base: str, category) -> None:
    sign_in_to_admin(page, base, "olu.manager@example.org")
    page.get_by_role("button", name="Judging").click()
    page.get_by_role("link", name="Panels").click()
    page.get_by_role("link", name=re.compile("Add")).first.click()
    page.get_by_label("Name").fill("Performance Recovery judges")
    page.get_by_label(re.compile("Performance Recovery Award")).check()
    page.get_by_label("Blind judging").check()
    page.get_by_label("Every judge on the panel scores every entry").check()
    page.get_by_role("button", name=re.compile("Save|Create")).first.click()
    page.get_by_role("link", name="Performance Recovery judges").click()
    for first, last, _organisation, email in JUDGES:
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Name (optional)").fill(f"{first} {last}")
        page.get_by_role("button", name="Send invitation").click()
        expect(page.get_by_text(f"Invitation sent to {email}")).to_be_visible()


def invitation_link(email: str) -> str:
    [message] = [m for m in mail.outbox if m.to == [email]]
    found = re.search(r"https?://[^/\s]+(/judging/invitations/\S+/)", message.body)
    return found.group(1)


def score(tab, entry_heading: str, values: tuple[int, int, int]) -> None:
    """Open the entry from Entries to judge, type its scores, let autosave keep them, submit."""
    tab.get_by_role("link", name=entry_heading).click()
    for heading, value in zip(("Vision", "Delivery", "Outcomes"), values, strict=True):
        tab.get_by_label(f"Score for {heading}").fill(str(value))
    tab.get_by_label("Overall comment").fill("Clear evidence of recovery.")
    expect(tab.locator("[data-save-status]")).to_contain_text("Saved at", timeout=20_000)
    tab.reload()  # autosave kept them
    expect(tab.get_by_label("Score for Vision")).to_have_value(str(values[0]))
    tab.get_by_role("button", name="Submit scores").click()
    expect(tab.get_by_text(re.compile("Submitted at"))).to_be_visible()
    tab.get_by_role("link", name="Entries to judge").first.click()


def test_a_blind_panel_judges_the_category_and_the_leaderboard_ranks_it(
    live_server, browser, page, competition
):
    from judging.models import Conflict, Score, ScoreSheet

    category, entries, judges = competition
    base = live_server.url
    build_the_panel(page, base, category)

    tabs = {}
    for first, _last, _organisation, email in JUDGES:
        context = signed_in_browser(browser, judges[first], base)
        tab = context.new_page()
        tab.goto(base + invitation_link(email))
        tab.get_by_role("button", name="Accept and join the panel").click()
        expect(tab).to_have_url(re.compile(r"/judging/$"))
        tabs[first] = tab

    # Grace works at Northshire (as "Northshire NHS Trust"): kept from Mae's entry unasked.
    grace = tabs["Grace"]
    grace.reload()
    mae = entries["Mae Jemison"].reference
    expect(grace.get_by_role("link", name=entries["Alan Turing"].reference)).to_be_visible()
    assert grace.get_by_role("link", name=mae).count() == 0
    found = Conflict.objects.get(judge=judges["Grace"])
    assert found.entry == entries["Mae Jemison"]
    assert "Northshire" in found.reason
    assert grace.goto(f"{base}/judging/entries/{entries['Mae Jemison'].public_id}/").status == 404
    grace.goto(base + "/judging/")
    # The organiser is told.
    assert any(
        "conflict" in m.subject.lower() for m in mail.outbox if m.to == ["olu.manager@example.org"]
    )
    page.reload()
    expect(page.get_by_text(re.compile("Same organisation as the entrant"))).to_be_visible()

    # Blind: nothing on Ada's page of Mae's entry names Mae, Northshire or an address.
    ada = tabs["Ada"]
    ada.get_by_role("link", name=mae).click()
    text = ada.locator("body").inner_text()
    for giveaway in ("Mae", "Jemison", "Northshire", "northshire.example.org", "@"):
        assert giveaway not in text, giveaway
    file_link = ada.get_by_role("link", name=re.compile(r"\.pdf"))
    assert "Northshire" not in file_link.inner_text()
    with ada.expect_download() as download:
        file_link.click()
    assert "Northshire" not in download.value.suggested_filename
    assert download.value.suggested_filename.startswith(mae)
    ada.goto(base + "/judging/")

    names = {entry.reference: name for name, entry in entries.items()}
    for first, tab in tabs.items():
        tab.goto(base + "/judging/")
        for reference, name in names.items():
            if name in SCORES[first]:
                score(tab, reference, SCORES[first][name])
        expect(tab.locator("main")).to_contain_text("Submitted")

    assert ScoreSheet.objects.filter(status="submitted").count() == 8
    assert Score.objects.filter(sheet__assignment__judge=judges["Ada"]).count() == 9

    # The organiser's leaderboard ranks them: weighted (Vision ×2) Mae (8.75 + 8.5) / 2,
    # Rosalind (7.5 + 7.25 + 7.25) / 3 = 7.33, Alan (6 + 5 + 4.5) / 3 = 5.17.
    page.get_by_role("button", name="Judging").click()
    page.get_by_role("link", name="Leaderboards").click()
    page.get_by_role("link", name="Performance Recovery Award").click()
    rows = page.locator("table.leaderboard tbody tr")
    expect(rows).to_have_count(3)
    order = ["Mae Jemison", "Rosalind Franklin", "Alan Turing"]
    for position, name in enumerate(order):
        row = rows.nth(position)
        expect(row.locator("th")).to_contain_text(entries[name].reference)
        expect(row.locator("td").first).to_have_text(str(position + 1))
    expect(rows.nth(0)).to_contain_text("2 of 2")
    expect(rows.nth(1)).to_contain_text("7.33")
    expect(rows.nth(2)).to_contain_text("5.17")

    # It exports as it ranks, with each judge's scores.
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download CSV").click()
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    header, *rows_out = list(csv.reader(io.StringIO(text)))
    assert "Grace Hopper: Vision" in header and "Ada Byron: weighted score" in header
    assert [row[1] for row in rows_out] == [entries[name].reference for name in order]
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download XLSX").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    workbook = io.BytesIO(Path(xlsx_download.value.path()).read_bytes())
    sheet = load_workbook(workbook, read_only=True).active
    references = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert references[:3] == [entries[name].reference for name in order]
