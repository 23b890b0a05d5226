"""A request body larger than any file the entry takes is refused before it is read
(issue 13, item 5): 413, JSON for the autosave, a page otherwise, nothing changed.

The test client's request body is only what the test gives it: a Content-Length
claiming more makes Django's parser fail on reading past it, so a test passes only
if the site answered from the header alone, without reading the body.
"""

import json

import pytest
from django.test import RequestFactory
from django.urls import reverse

from awards.tests.builders import build_category
from forms import services
from forms.tests.builders import build_entry_form, question, section

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def body_limit(request):
    from forms.upload_limits import body_limit

    return body_limit(request)


SIXTY_MB = str(60 * MB)


@pytest.fixture
def draft(entrant, category):
    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(
        entry=entry, user=entrant, answers={"context": "Typed before."}, base_version=entry.version
    )
    entry.refresh_from_db()
    return entry


def save(client, draft, *, length: str, accept: str = "application/json"):
    return client.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": str(draft.version), "context": "Typed with the file."},
        CONTENT_LENGTH=length,
        headers={"Accept": accept},
    )


def test_a_60_mb_save_is_refused_from_its_length_with_json_for_the_autosave(client, entrant, draft):
    client.force_login(entrant)
    version = draft.version
    response = save(client, draft, length=SIXTY_MB)

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["ok"] is False
    assert "too large" in body["message"]
    assert "1 MB" in body["message"]  # the largest file this entry's form takes
    assert "Nothing was saved" in body["message"]
    draft.refresh_from_db()
    assert draft.answers["context"] == "Typed before." and draft.version == version


def test_without_javascript_the_refusal_is_a_page_that_leads_back_to_the_entry(
    client, entrant, draft, category
):
    client.force_login(entrant)
    response = save(client, draft, length=SIXTY_MB, accept="text/html")

    assert response.status_code == 413
    assert "text/html" in response["Content-Type"]
    assert "too large" in response.text
    assert "nothing else was changed" in response.text
    assert f'href="{category.url}#entry"' in response.text


def test_a_body_just_inside_the_forms_limit_is_read_as_usual(client, entrant, draft, settings):
    # The limit: the form's files (one of 1 MB) plus the request allowance for answers.
    limit = 1 * MB + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    request = RequestFactory().post(reverse("entry_save", args=[draft.public_id]))
    request.user = entrant
    assert body_limit(request) == limit
    client.force_login(entrant)
    ordinary = client.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": str(draft.version), "context": "Saved."},
        headers={"Accept": "application/json"},
    )
    assert ordinary.status_code == 200


def test_the_limit_adds_up_every_file_question_of_the_entrys_form(entrant, category, settings):
    form = build_entry_form(
        [
            section(
                "Files",
                question("file", "plan", file_types=["pdf"], max_size_mb=20, required=False),
                question("file", "budget", file_types=["pdf"], max_size_mb=5, required=False),
            )
        ]
    )
    two_files = build_category(category.get_parent(), title="Two Files Award", entry_form=form)
    entry = services.start_entry(user=entrant, page=two_files)
    request = RequestFactory().post(reverse("entry_save", args=[entry.public_id]))
    request.user = entrant
    assert body_limit(request) == 25 * MB + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_someone_elses_entry_gets_no_file_allowance(client, other_entrant, draft, settings):
    request = RequestFactory().post(reverse("entry_save", args=[draft.public_id]))
    request.user = other_entrant
    assert body_limit(request) == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    client.force_login(other_entrant)
    assert save(
        client, draft, length=str(2 * settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    ).status_code == (413)


def test_other_pages_take_no_files_and_are_refused_over_the_request_allowance(client, settings):
    too_big = str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(
        reverse("account_login"), {"login": "a@example.org"}, CONTENT_LENGTH=too_big
    )
    assert response.status_code == 413
    assert "too large" in response.text


def test_the_admin_keeps_wagtails_own_upload_limits():
    request = RequestFactory().post(reverse("wagtaildocs:add"))
    assert body_limit(request) is None
