"""Every entry URL, called by everyone: the owner, each collaborator role, someone invited
who has not accepted, someone removed, the partner who confirmed the entry (signed in to an
account of their own), another entrant, a visitor and staff. Each gets what
their role allows (view reads, edit saves, submit submits, only the owner manages the team)
and nobody else learns the entry exists."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from forms import services, team
from forms.models import Collaborator, Invitation, PartnerConfirmation, Role
from forms.models.team import unopenable_digest
from forms.tests.builders import build_user
from judging.models import Assignment
from judging.tests.builders import build_panel

SECRET = "SECRET-ANSWER-7f3a"
PDF = b"%PDF-1.4 " + SECRET.encode() + b"\n%%EOF\n"
# What each entrant URL asks of the person: to read the entry, change it, submit it,
# manage its team (the owner alone), or be on the team (to leave it).
READ, CHANGE, SUBMIT, MANAGE, MEMBER = "read", "change", "submit", "manage", "member"
ENTRANT_URLS = {
    "entry_detail": READ,
    "entry_editing": READ,
    "entry_review": READ,
    "entry_submitted": READ,
    "entry_file": READ,
    "entry_team": READ,
    "entry_history": READ,
    "entry_copied": READ,
    "entry_save": CHANGE,
    "entry_history_restore": CHANGE,
    "entry_partner_ask": CHANGE,
    "entry_submit": SUBMIT,
    "entry_copy": MANAGE,  # only the owner uses an entry for another category
    "entry_team_invite": MANAGE,
    "entry_team_resend": MANAGE,
    "entry_team_withdraw": MANAGE,
    "entry_team_role": MANAGE,
    "entry_team_remove": MANAGE,
    "entry_team_hand_over": MANAGE,
    "entry_team_leave": MEMBER,
}
ADMIN_URLS = [
    "forms_entry_modeladmin_index",
    "forms_entry_modeladmin_inspect",
    "export_csv",
    "export_xlsx",
    "entries_admin_print",
    "entries_admin_file",
    "entries_admin_archive",
    "entries_admin_reopen",
    "entries_admin_withdraw",
    "entries_admin_extend",
]
# Each person's rank on the entry (forms.models.team.RANKS); 0 for no role at all.
RANK = {"owner": 4, "submit collaborator": 3, "edit collaborator": 2, "view collaborator": 1}
NEEDS = {READ: 1, CHANGE: 2, SUBMIT: 3, MANAGE: 4, MEMBER: 1}
PEOPLE = [
    "anonymous",
    "another entrant",
    "editor without entries permission",
    "owner",
    "view collaborator",
    "edit collaborator",
    "submit collaborator",
    "invited, not accepted",
    "removed collaborator",
    "partner co-signer",
    "entries manager",
    "judge of this entry",
]


@pytest.fixture
def world(entrant, other_entrant, awards_editor, entries_manager, category):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(
        entry=entry,
        user=entrant,
        answers={"context": SECRET},
        base_version=1,
        uploads={"evidence": SimpleUploadedFile("evidence.pdf", PDF)},
    )
    services.save_draft(entry=entry, user=entrant, answers={"notes": "First"}, base_version=2)
    services.save_draft(entry=entry, user=entrant, answers={"notes": "Second"}, base_version=3)
    entry.refresh_from_db()
    stored = entry.files.get()
    first_notes = entry.revisions.get(key="notes", version=3)
    # What the result page of "Use this entry for another category" reads.
    entry.events.create(action="copied", details={"from": "elsewhere"})
    members = {
        role: Collaborator.objects.create(
            entry=entry, user=build_user(f"{role}@example.org", first_name=role), role=role
        )
        for role in (Role.VIEW, Role.EDIT, Role.SUBMIT)
    }
    invited_user = build_user("invited@example.org")
    waiting = team.invite(entry=entry, by=entrant, email=invited_user.email, role=Role.EDIT)
    removed_user = build_user("removed@example.org")
    removed = Collaborator.objects.create(entry=entry, user=removed_user, role=Role.SUBMIT)
    team.remove(entry=entry, by=entrant, collaborator_id=removed.pk)
    # The partner confirmed the entry from the emailed link; with an account of their own
    # (same address) they still read it only through that link, never the entry's URLs.
    partner_user = build_user("sam.okafor@kestrel.example.org")
    PartnerConfirmation.objects.create(
        entry=entry,
        organisation="Kestrel Partners Ltd",
        contact_name="Sam Okafor",
        email=partner_user.email,
        token_digest=unopenable_digest(),
        requested_by=entrant,
        decision=PartnerConfirmation.Decision.CONFIRMED,
        decided_by_name="Sam Okafor",
        decided_at=timezone.now(),
    )
    entry.refresh_from_db()
    # A judge scoring this entry reads it through the judging portal, never through
    # the entrant's URLs or the entries admin.
    judge = build_user("judge@judges.example.org")
    panel = build_panel([category], [judge])
    Assignment.objects.create(panel=panel, judge=judge, entry=entry)

    def at(name, *args):
        return reverse(name, args=[entry.public_id, *args])

    index = reverse("forms_entry_modeladmin_index")
    # In order: reading, then changes, and last the ones that change the team itself
    # (the owner removes the view collaborator, hands over to the submitter, then leaves).
    urls = [
        ("entry_detail", "get", at("entry_detail")),
        ("entry_editing", "get", at("entry_editing")),
        ("entry_review", "get", at("entry_review")),
        ("entry_submitted", "get", at("entry_submitted")),
        ("entry_file", "get", at("entry_file", stored.public_id)),
        ("entry_team", "get", at("entry_team")),
        ("entry_history", "get", at("entry_history")),
        ("entry_copied", "get", at("entry_copied")),
        ("entry_save", "post", at("entry_save")),
        ("entry_history_restore", "post", at("entry_history_restore", first_notes.pk)),
        ("entry_partner_ask", "post", at("entry_partner_ask")),
        ("entry_submit", "post", at("entry_submit")),
        ("entry_copy", "get", at("entry_copy")),
        ("entry_team_invite", "post", at("entry_team_invite")),
        ("entry_team_resend", "post", at("entry_team_resend", waiting.pk)),
        ("entry_team_withdraw", "post", at("entry_team_withdraw", waiting.pk)),
        ("entry_team_role", "get", at("entry_team_role", members[Role.EDIT].pk)),
        ("entry_team_role", "post", at("entry_team_role", members[Role.EDIT].pk)),
        ("entry_team_remove", "get", at("entry_team_remove", members[Role.VIEW].pk)),
        ("entry_team_remove", "post", at("entry_team_remove", members[Role.VIEW].pk)),
        ("entry_team_hand_over", "get", at("entry_team_hand_over")),
        ("entry_team_hand_over", "post", at("entry_team_hand_over")),
        ("entry_team_leave", "get", at("entry_team_leave")),
        ("entry_team_leave", "post", at("entry_team_leave")),
        ("forms_entry_modeladmin_index", "get", index),
        (
            "forms_entry_modeladmin_inspect",
            "get",
            reverse("forms_entry_modeladmin_inspect", args=[entry.pk]),
        ),
        ("export_csv", "get", index + "?export=csv"),
        ("export_xlsx", "get", index + "?export=xlsx"),
        ("entries_admin_print", "get", reverse("entries_admin_print", args=[entry.pk])),
        ("entries_admin_file", "get", reverse("entries_admin_file", args=[stored.public_id])),
        ("entries_admin_archive", "get", reverse("entries_admin_archive", args=[category.pk])),
        ("entries_admin_reopen", "get", reverse("entries_admin_reopen", args=[entry.pk])),
        ("entries_admin_withdraw", "get", reverse("entries_admin_withdraw", args=[entry.pk])),
        ("entries_admin_extend", "get", reverse("entries_admin_extend", args=[entry.pk])),
    ]
    people = {
        "anonymous": None,
        "another entrant": other_entrant,
        "editor without entries permission": awards_editor,
        "owner": entrant,
        "view collaborator": members[Role.VIEW].user,
        "edit collaborator": members[Role.EDIT].user,
        "submit collaborator": members[Role.SUBMIT].user,
        "invited, not accepted": invited_user,
        "removed collaborator": removed_user,
        "partner co-signer": partner_user,
        "entries manager": entries_manager,
        "judge of this entry": judge,
    }
    form_data = {
        "entry_save": {"version": entry.version, "context": "overwritten"},
        "entry_submit": {"version": entry.version},
        "entry_team_invite": {"email": "new.person@example.org", "role": "view"},
        "entry_team_role": {"role": "submit"},
        "entry_team_hand_over": {"collaborator": members[Role.SUBMIT].pk},
    }
    return entry, urls, people, form_data


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def call(user, method, url, data):
    client = Client()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data if method == "post" else {})


def expected(person: str, name: str) -> str:
    """ "ok", "login", 403 or 404: what ``person`` gets from the URL called ``name``."""
    if name in ENTRANT_URLS:
        if person == "anonymous":
            return 404 if name == "entry_file" else "login"
        if person == "entries manager" and name == "entry_file":
            return "ok"
        rank = RANK.get(person, 0)
        if name == "entry_save" and person == "removed collaborator":
            return 403  # their text shown back to them (forms.team_removal)
        if rank == 0:
            return 404
        return "ok" if rank >= NEEDS[ENTRANT_URLS[name]] else 403
    if person == "entries manager":
        return "ok"
    # Staff without the permission are refused; anyone else is asked to sign in as staff.
    return 403 if person == "editor without entries permission" else "login"


def test_every_entry_url_is_covered():
    names = {
        p
        for p in get_resolver().reverse_dict.keys()
        if isinstance(p, str) and (p.startswith("entry_") or p.startswith("entries_admin_"))
    }
    assert names - {"entry_start"} == {
        n for n in [*ENTRANT_URLS, *ADMIN_URLS] if n.startswith(("entry_", "entries_admin_"))
    }


@pytest.mark.parametrize("person", PEOPLE)
def test_each_person_gets_what_their_role_allows_and_no_more(world, person):
    entry, urls, people, form_data = world
    user = people[person]
    team_before = set(entry.collaborators.values_list("user_id", "role"))
    for name, method, url in urls:
        response = call(user, method, url, form_data.get(name, {}))
        content = body(response)
        want = expected(person, name)
        where = (person, name, method, response.status_code)
        if want == "ok":
            # Allowed through: a page, a redirect, or (submit) the entry's own problems.
            assert response.status_code in (200, 302) or (
                name == "entry_submit" and response.status_code == 400
            ), where
            continue
        if want == "login":
            assert response.status_code == 302 and "login" in response["Location"], where
        else:
            assert response.status_code == want, where
        if RANK.get(person, 0) == 0:
            assert SECRET.encode() not in content, where

    entry.refresh_from_db()
    may_change = RANK.get(person, 0) >= 2
    assert entry.answers["context"] == ("overwritten" if may_change else SECRET)
    assert entry.status == "draft"
    team_after = set(entry.collaborators.values_list("user_id", "role"))
    if person == "owner":
        # Removed the view collaborator, made the editor a submitter, handed the entry to
        # the first submitter and, no longer the owner, left the team.
        assert entry.entrant == people["submit collaborator"]
        assert team_after == {
            (people["edit collaborator"].pk, Role.SUBMIT),
        }
    elif person in ("view collaborator", "edit collaborator", "submit collaborator"):
        assert entry.entrant == people["owner"]
        assert team_after == {pair for pair in team_before if pair[0] != user.pk}  # they left
    else:
        assert entry.entrant == people["owner"]
        assert team_after == team_before
    if person != "owner":
        assert Invitation.objects.get(email="invited@example.org").is_pending()
        assert not Invitation.objects.filter(email="new.person@example.org").exists()


def test_public_entry_ids_are_random_not_sequential(entrant, category, home_page):
    first = services.start_entry(user=entrant, page=category)
    second = services.start_entry(user=build_user("two@example.org"), page=category)
    assert len(first.public_id) >= 20 and len(second.public_id) >= 20
    assert first.public_id != second.public_id
    # The sequential primary key does not address the entry, even for its owner.
    client = Client()
    client.force_login(entrant)
    assert client.get(reverse("entry_detail", args=[str(first.pk)])).status_code == 404
    assert client.get(reverse("entry_detail", args=[first.public_id])).status_code == 200
    shared_prefix = len(
        [a for a, b in zip(first.public_id, second.public_id, strict=False) if a == b]
    )
    assert shared_prefix < len(first.public_id) // 2
