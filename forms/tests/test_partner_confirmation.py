"""Partner co-sign: the team asks, the partner confirms or declines from an emailed link,
and submit waits for a confirmation of the entry exactly as it is."""

import csv
import io
import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from awards.tests.builders import build_category, build_programme
from forms import services
from forms.models import Collaborator, EntryEvent, EntryStatus, PartnerConfirmation, Role
from forms.models.team import token_digest
from forms.partner.errors import PartnerNotConfirmed
from forms.partner.exports import PARTNER_HEADINGS
from forms.partner.state import entry_fingerprint
from forms.tests.builders import build_entry, build_entry_file, build_user, complete_answers

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"'<>]+/entries/partner/[^\s\"'<>/]+/")
PARTNER = {
    "organisation": "Kestrel Community Health",
    "contact_name": "Sam Okafor",
    "email": "sam.okafor@kestrel.example.org",
}


@pytest.fixture
def partnership(home_page, entry_form):
    programme = build_programme(home_page)
    return build_category(
        programme,
        title="Best Community Services Partnership with the NHS",
        slug="best-community-services-partnership",
        reference_code="BCSP",
        entry_form=entry_form,
        partner_confirmation_required=True,
    )


@pytest.fixture
def entry(entrant, partnership):
    """A complete draft in the partnership category."""
    draft = services.start_entry(user=entrant, page=partnership)
    services.save_draft(entry=draft, user=entrant, answers=complete_answers(), base_version=1)
    draft.refresh_from_db()
    return draft


@pytest.fixture
def visitor():
    """A second browser: the partner, with no account and no session."""
    from django.test import Client

    return Client()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def ask(client, entry, on_commit, **changes):
    with on_commit():
        return client.post(
            reverse("entry_partner_ask", args=[entry.public_id]), {**PARTNER, **changes}
        )


def link_from_outbox() -> str:
    message = mail.outbox[-1]
    assert message.to == [PARTNER["email"]]
    found = LINK.search(message.body).group(0)
    return found[found.index("/entries/") :]


def fingerprint_on(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("input", attrs={"name": "fingerprint"})["value"]


def confirm(client, path: str, on_commit, name="Sam Okafor"):
    read = client.get(path)
    with on_commit():
        return client.post(
            path, {"decision": "confirm", "name": name, "fingerprint": fingerprint_on(read)}
        )


def submit(entry, user):
    entry.refresh_from_db()
    return services.submit_entry(entry=entry, user=user, base_version=entry.version)


# --- asking -----------------------------------------------------------------------------------


def test_the_entry_page_shows_the_partner_panel(signed_in, entry, partnership):
    response = signed_in.get(partnership.url)
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.find(id="partner")
    assert panel is not None
    assert panel.h2.get_text() == "Partner confirmation"
    assert panel.find("button", string=re.compile("Ask the partner to confirm"))
    assert {i["name"] for i in panel.select("input")} >= {"organisation", "contact_name", "email"}


def test_a_category_without_partners_shows_no_panel(signed_in, draft, category):
    response = signed_in.get(category.url)
    assert BeautifulSoup(response.content, "html.parser").find(id="partner") is None


def test_asking_emails_the_partner_a_working_link_and_stores_only_its_digest(
    visitor, signed_in, entry, on_commit
):
    response = ask(signed_in, entry, on_commit)
    assert response.status_code == 302
    request = PartnerConfirmation.objects.get(entry=entry)
    assert request.decision == PartnerConfirmation.Decision.PENDING
    assert (request.organisation, request.contact_name) == (
        PARTNER["organisation"],
        PARTNER["contact_name"],
    )
    assert EntryEvent.objects.filter(entry=entry, action=EntryEvent.Action.PARTNER_ASKED).exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == f"Please confirm an entry to {entry.page.title}"
    path = link_from_outbox()
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert request.__class__.objects.get(pk=request.pk).token_digest == token_digest(token)
    assert token not in str(PartnerConfirmation.objects.values().get(pk=request.pk))

    page = visitor.get(path)
    assert page.status_code == 200
    assert "I confirm this entry describes our partnership accurately" in page.content.decode()


def test_bad_partner_details_are_refused_with_what_was_typed(signed_in, entry, on_commit):
    response = ask(signed_in, entry, on_commit, email="not-an-email", organisation="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter an email address like name@example.org" in html
    assert "Enter the partner organisation&#x27;s name" in html
    assert 'value="Sam Okafor"' in html
    assert not PartnerConfirmation.objects.exists()
    assert mail.outbox == []


def test_the_partner_must_be_outside_the_team(signed_in, entry, entrant, on_commit):
    response = ask(signed_in, entry, on_commit, email=entrant.email.upper())
    assert response.status_code == 400
    assert "The partner must be someone outside your team" in response.content.decode()


def test_a_viewer_may_not_ask_but_an_editor_may(client, entry, colleague, on_commit):
    collaborator = Collaborator.objects.create(entry=entry, user=colleague, role=Role.VIEW)
    client.force_login(colleague)
    assert ask(client, entry, on_commit).status_code == 403
    collaborator.role = Role.EDIT
    collaborator.save()
    assert ask(client, entry, on_commit).status_code == 302


def test_another_entrant_gets_a_404(client, entry, other_entrant, on_commit):
    client.force_login(other_entrant)
    assert ask(client, entry, on_commit).status_code == 404


# --- the partner's decision -------------------------------------------------------------------


def test_the_partner_confirms_and_the_owner_and_submitters_hear_of_it(
    visitor, signed_in, entry, entrant, colleague, on_commit
):
    Collaborator.objects.create(entry=entry, user=colleague, role=Role.SUBMIT)
    editor = build_user("ed@example.org")
    Collaborator.objects.create(entry=entry, user=editor, role=Role.EDIT)
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    before = timezone.now()

    response = confirm(visitor, path, on_commit, name="Samuel Okafor")
    assert response.status_code == 200
    assert "you have confirmed the entry" in response.content.decode()
    request = PartnerConfirmation.objects.get(entry=entry)
    assert request.decision == PartnerConfirmation.Decision.CONFIRMED
    assert request.decided_by_name == "Samuel Okafor"
    assert request.decided_at >= before
    entry.refresh_from_db()
    assert request.fingerprint == entry_fingerprint(entry)
    assert EntryEvent.objects.filter(
        entry=entry, action=EntryEvent.Action.PARTNER_CONFIRMED
    ).exists()
    told = {m.to[0] for m in mail.outbox[1:]}
    assert told == {entrant.email, colleague.email}
    assert all("Kestrel Community Health confirmed" in m.subject for m in mail.outbox[1:])

    # Used: the link now says so, with a 4xx.
    again = visitor.get(path)
    assert again.status_code == 410
    assert "already confirmed" in again.content.decode()


def test_the_partner_declines_with_a_required_comment(visitor, signed_in, entry, on_commit):
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    read = visitor.get(path)
    seen = fingerprint_on(read)

    missing = visitor.post(path, {"decision": "decline", "name": "Sam", "fingerprint": seen})
    assert missing.status_code == 400
    assert "Say why you decline" in missing.content.decode()
    assert PartnerConfirmation.objects.get(entry=entry).decision == "pending"

    with on_commit():
        response = visitor.post(
            path,
            {
                "decision": "decline",
                "name": "Sam Okafor",
                "comment": "We ran the clinics, not the referrals.",
                "fingerprint": seen,
            },
        )
    assert response.status_code == 200
    request = PartnerConfirmation.objects.get(entry=entry)
    assert request.decision == PartnerConfirmation.Decision.DECLINED
    assert request.comment == "We ran the clinics, not the referrals."
    assert EntryEvent.objects.get(entry=entry, action=EntryEvent.Action.PARTNER_DECLINED).reason
    assert "We ran the clinics, not the referrals." in mail.outbox[-1].body

    review = signed_in.get(reverse("entry_review", args=[entry.public_id]))
    html = review.content.decode()
    assert "Declined by Sam Okafor" in html
    assert "We ran the clinics, not the referrals." in html
    assert "Submit your entry" not in html
    assert "Ask Sam Okafor again" in html


def test_the_partner_page_is_read_only_private_and_shows_nothing_else(
    visitor, signed_in, entry, entrant, partnership, on_commit
):
    build_entry_file(entry, b"%PDF-1.4 evidence", name="evidence.pdf")
    other = build_entry(entrant, partnership, answers={"organisation_name": "Secret other entry"})
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()

    response = visitor.get(path)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    main = soup.find("main") or soup
    text = main.get_text(" ")
    assert complete_answers()["context"] in text
    assert "evidence.pdf" in text
    assert "Secret other entry" not in response.content.decode()
    assert other.public_id not in response.content.decode()
    assert entrant.email not in text
    hrefs = [a["href"] for a in main.select("a[href]")]
    assert not any(entry.public_id in href for href in hrefs)  # no edit or file links
    assert not main.select("textarea[name^='q-'], input[name='version']")
    assert "Change" not in [a.get_text(strip=True) for a in main.select("a")]


def test_the_partner_can_decide_from_a_browser_that_sends_origin_null(signed_in, entry, on_commit):
    """Under Referrer-Policy: no-referrer a browser posts its form with "Origin: null": the
    token in the address is what allows a decision, so no CSRF check may refuse it."""
    from django.test import Client

    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    browser = Client(enforce_csrf_checks=True)
    seen = fingerprint_on(browser.get(path))
    with on_commit():
        response = browser.post(
            path,
            {"decision": "confirm", "name": "Sam Okafor", "fingerprint": seen},
            HTTP_ORIGIN="null",
        )
    assert response.status_code == 200
    assert PartnerConfirmation.objects.get(entry=entry).decision == "confirmed"


# --- submit waits -----------------------------------------------------------------------------


def test_submit_waits_for_the_partner(visitor, signed_in, entry, entrant, on_commit):
    with pytest.raises(PartnerNotConfirmed, match="Ask your partner organisation"):
        submit(entry, entrant)

    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    review = signed_in.get(reverse("entry_review", args=[entry.public_id])).content.decode()
    assert "Waiting for Sam Okafor at Kestrel Community Health to confirm" in review
    assert "Submit your entry" not in review
    entry.refresh_from_db()
    refused = signed_in.post(
        reverse("entry_submit", args=[entry.public_id]), {"version": entry.version}
    )
    assert refused.status_code == 409
    assert "has not confirmed this entry yet" in refused.content.decode()

    confirm(visitor, path, on_commit)
    review = signed_in.get(reverse("entry_review", args=[entry.public_id])).content.decode()
    assert "Confirmed by Sam Okafor (Kestrel Community Health) at" in review
    assert "Submit your entry" in review
    submitted = submit(entry, entrant)
    assert submitted.status == EntryStatus.SUBMITTED

    # The printable view and the admin show who confirmed, and when.
    detail = signed_in.get(reverse("entry_detail", args=[entry.public_id])).content.decode()
    assert "Confirmed by Sam Okafor (Kestrel Community Health)" in detail
    # The link stops working once the entry is submitted.
    assert visitor.get(path).status_code == 410


def test_a_change_after_confirming_asks_again(visitor, signed_in, entry, entrant, on_commit):
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    confirm(visitor, path, on_commit)
    entry.refresh_from_db()
    services.save_draft(
        entry=entry,
        user=entrant,
        answers={"context": "We halved waiting lists in a year."},
        base_version=entry.version,
    )

    with pytest.raises(PartnerNotConfirmed, match="You changed the entry after Sam"):
        submit(entry, entrant)
    review = signed_in.get(reverse("entry_review", args=[entry.public_id])).content.decode()
    assert "Changed since confirmed" in review
    assert "Submit your entry" not in review

    # Ask again from Check your answers: a new link, and the partner confirms the new text.
    with on_commit():
        response = signed_in.post(
            reverse("entry_partner_ask", args=[entry.public_id]), {**PARTNER, "next": "review"}
        )
    assert response.url == reverse("entry_review", args=[entry.public_id])
    new_path = link_from_outbox()
    assert new_path != path
    assert "We halved waiting lists in a year." in visitor.get(new_path).content.decode()
    confirm(visitor, new_path, on_commit)
    assert submit(entry, entrant).status == EntryStatus.SUBMITTED


def test_replacing_a_file_after_confirming_asks_again(
    visitor, signed_in, entry, entrant, on_commit
):
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    confirm(visitor, path, on_commit)
    build_entry_file(entry, b"%PDF-1.4 new", name="new.pdf")
    with pytest.raises(PartnerNotConfirmed, match="You changed the entry"):
        submit(entry, entrant)


def test_the_entry_changing_while_the_partner_reads_is_refused(
    visitor, signed_in, entry, entrant, on_commit
):
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    read = visitor.get(path)
    entry.refresh_from_db()
    services.save_draft(
        entry=entry, user=entrant, answers={"context": "Changed meanwhile."}, base_version=2
    )
    response = visitor.post(
        path, {"decision": "confirm", "name": "Sam", "fingerprint": fingerprint_on(read)}
    )
    assert response.status_code == 409
    assert "The entry changed while you were reading it" in response.content.decode()
    assert "Changed meanwhile." in response.content.decode()
    assert PartnerConfirmation.objects.get(entry=entry).decision == "pending"
    assert confirm(visitor, path, on_commit).status_code == 200


# --- stale links ------------------------------------------------------------------------------


def test_asking_again_replaces_the_earlier_link(visitor, signed_in, entry, on_commit):
    ask(signed_in, entry, on_commit)
    first = link_from_outbox()
    ask(signed_in, entry, on_commit, contact_name="Sam O.")
    second = link_from_outbox()

    old = visitor.get(first)
    assert old.status_code == 410
    assert "sent a newer link" in old.content.decode()
    assert old["Referrer-Policy"] == "no-referrer"
    refused = visitor.post(first, {"decision": "confirm", "name": "Sam", "fingerprint": "x" * 64})
    assert refused.status_code == 410
    assert visitor.get(second).status_code == 200
    assert PartnerConfirmation.objects.filter(decision="pending").count() == 2


def test_an_expired_or_unknown_link_is_refused_clearly(visitor, signed_in, entry, on_commit):
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    PartnerConfirmation.objects.update(requested_at=timezone.now() - timedelta(days=31))
    expired = visitor.get(path)
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()
    unknown = visitor.get(reverse("partner_link", args=["not-a-real-token"]))
    assert unknown.status_code == 410
    assert "not one we sent" in unknown.content.decode()


# --- staff ------------------------------------------------------------------------------------


def test_admin_inspect_print_and_exports_show_the_confirmation(
    visitor, signed_in, entry, entrant, entries_manager, on_commit
):
    ask(signed_in, entry, on_commit)
    path = link_from_outbox()
    confirm(visitor, path, on_commit)
    submit(entry, entrant)
    request = PartnerConfirmation.objects.get(entry=entry)

    staff = visitor  # the same browser, now a member of staff
    staff.force_login(entries_manager)
    inspect = staff.get(reverse("forms_entry_modeladmin_inspect", args=[entry.pk]))
    assert "Confirmed by Sam Okafor (Kestrel Community Health)" in inspect.content.decode()
    # Its history names the partner who confirmed, not "System".
    assert "Sam Okafor (Kestrel Community Health, partner)" in inspect.content.decode()
    printed = staff.get(reverse("entries_admin_print", args=[entry.pk]))
    assert "Confirmed by Sam Okafor (Kestrel Community Health)" in printed.content.decode()

    response = staff.get(reverse("forms_entry_modeladmin_index"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][9:13] == PARTNER_HEADINGS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Partner organisation"] == "Kestrel Community Health"
    assert row["Partner confirmation"] == "Confirmed"
    assert row["Partner confirmed by"] == "Sam Okafor"
    local = timezone.localtime(request.decided_at)
    assert row["Partner confirmed at"] == local.strftime("%Y-%m-%d %H:%M")


def test_exports_of_other_categories_have_no_partner_columns(
    client, draft, entries_manager, partnership
):
    client.force_login(entries_manager)
    response = client.get(reverse("forms_entry_modeladmin_index"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Partner organisation" not in text.splitlines()[0]


def test_the_partners_confirmation_is_in_the_entrants_data_download(
    visitor, signed_in, entry, entrant, on_commit
):
    from forms.privacy import export_entries

    ask(signed_in, entry, on_commit)
    confirm(visitor, link_from_outbox(), on_commit, name="Samuel Okafor")
    [data] = export_entries(user=entrant)
    [confirmation] = data["partner_confirmations"]
    assert confirmation["organisation"] == PARTNER["organisation"]
    assert confirmation["contact_email"] == PARTNER["email"]
    assert confirmation["decision"] == "Confirmed"
    assert confirmation["decided_by"] == "Samuel Okafor"
    assert confirmation["decided_at"]
