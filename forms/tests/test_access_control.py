"""Every entry URL, called by everyone: only the owner and permitted staff get data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver, reverse

from forms import services
from forms.tests.builders import build_user

SECRET = "SECRET-ANSWER-7f3a"
PDF = b"%PDF-1.4 " + SECRET.encode() + b"\n%%EOF\n"
ENTRANT_URLS = [
    "entry_detail",
    "entry_save",
    "entry_editing",
    "entry_review",
    "entry_submit",
    "entry_submitted",
    "entry_file",
    "entry_history",
    "entry_history_restore",
    "entry_copy",
    "entry_copied",
    "entry_partner_ask",
]
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
    index = reverse("forms_entry_modeladmin_index")
    urls = {
        "entry_detail": ("get", reverse("entry_detail", args=[entry.public_id])),
        "entry_save": ("post", reverse("entry_save", args=[entry.public_id])),
        "entry_editing": ("get", reverse("entry_editing", args=[entry.public_id])),
        "entry_review": ("get", reverse("entry_review", args=[entry.public_id])),
        "entry_submit": ("post", reverse("entry_submit", args=[entry.public_id])),
        "entry_submitted": ("get", reverse("entry_submitted", args=[entry.public_id])),
        "entry_file": ("get", reverse("entry_file", args=[entry.public_id, stored.public_id])),
        "entry_history": ("get", reverse("entry_history", args=[entry.public_id])),
        "entry_history_restore": (
            "post",
            reverse("entry_history_restore", args=[entry.public_id, first_notes.pk]),
        ),
        "entry_copy": ("get", reverse("entry_copy", args=[entry.public_id])),
        "entry_copied": ("get", reverse("entry_copied", args=[entry.public_id])),
        "entry_partner_ask": ("post", reverse("entry_partner_ask", args=[entry.public_id])),
        "forms_entry_modeladmin_index": ("get", index),
        "forms_entry_modeladmin_inspect": (
            "get",
            reverse("forms_entry_modeladmin_inspect", args=[entry.pk]),
        ),
        "export_csv": ("get", index + "?export=csv"),
        "export_xlsx": ("get", index + "?export=xlsx"),
        "entries_admin_print": ("get", reverse("entries_admin_print", args=[entry.pk])),
        "entries_admin_file": ("get", reverse("entries_admin_file", args=[stored.public_id])),
        "entries_admin_archive": ("get", reverse("entries_admin_archive", args=[category.pk])),
        "entries_admin_reopen": ("get", reverse("entries_admin_reopen", args=[entry.pk])),
        "entries_admin_withdraw": ("get", reverse("entries_admin_withdraw", args=[entry.pk])),
        "entries_admin_extend": ("get", reverse("entries_admin_extend", args=[entry.pk])),
    }
    people = {
        "anonymous": None,
        "another entrant": other_entrant,
        "editor without entries permission": awards_editor,
        "owner": entrant,
        "entries manager": entries_manager,
    }
    return entry, urls, people


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def call(user, method, url, entry):
    client = Client()
    if user is not None:
        client.force_login(user)
    data = {"version": entry.version, "context": "overwritten"} if method == "post" else {}
    return getattr(client, method)(url, data)


def expected_allowed(person: str, name: str) -> bool:
    if name in ENTRANT_URLS:
        return person == "owner" or (person == "entries manager" and name == "entry_file")
    return person == "entries manager"


def test_every_entry_url_is_covered():
    names = {
        p
        for p in get_resolver().reverse_dict.keys()
        if isinstance(p, str) and (p.startswith("entry_") or p.startswith("entries_admin_"))
    }
    assert names - {"entry_start"} == {
        n for n in ENTRANT_URLS + ADMIN_URLS if n.startswith(("entry_", "entries_admin_"))
    }


@pytest.mark.parametrize(
    "person",
    [
        "anonymous",
        "another entrant",
        "editor without entries permission",
        "owner",
        "entries manager",
    ],
)
def test_only_the_owner_and_permitted_staff_get_data(world, person):
    entry, urls, people = world
    user = people[person]
    for name, (method, url) in urls.items():
        response = call(user, method, url, entry)
        content = body(response)
        if expected_allowed(person, name):
            assert response.status_code in (200, 302), (person, name, response.status_code)
        else:
            assert SECRET.encode() not in content, (person, name)
            signs_in = response.status_code == 302 and "login" in response.get("Location", "")
            if person == "anonymous" and name in ENTRANT_URLS:
                assert signs_in or response.status_code == 404, (person, name)
            elif person == "anonymous" or (
                name not in ENTRANT_URLS and person in ("another entrant", "owner")
            ):
                assert signs_in, (person, name, response.status_code)
            elif name in ENTRANT_URLS:
                assert response.status_code == 404, (person, name, response.status_code)
            else:
                assert response.status_code == 403, (person, name, response.status_code)
    entry.refresh_from_db()
    assert entry.answers["context"] in (SECRET, "overwritten")
    if person != "owner":
        assert entry.answers["context"] == SECRET


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
