"""Hostile and random input to save and submit: never a 500, never a corrupted draft."""

import json

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.models import Entry

KNOWN_KEYS = [
    "organisation_name",
    "contact_email",
    "context",
    "notes",
    "evidence",
    "version",
    "action",
]

field_names = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=40))
field_values = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=50),
    st.integers().map(str),
    st.sampled_from(["", "1", "-1", "999999999999999999999", "NaN", "1e309", "null", "[]", "{}"]),
    st.recursive(
        st.none() | st.booleans() | st.text(max_size=10),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    ).map(json.dumps),
)
form_data = st.dictionaries(
    field_names, st.one_of(field_values, st.lists(field_values, max_size=4)), max_size=12
)


def assert_intact(entry_pk: int) -> Entry:
    entry = Entry.objects.get(pk=entry_pk)
    assert isinstance(entry.answers, dict)
    for value in entry.answers.values():
        assert isinstance(value, str | list | dict)
        if isinstance(value, str):
            assert "\x00" not in value
    return entry


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=form_data, action=st.sampled_from(["entry_save", "entry_submit"]))
def test_random_posts_get_a_clear_answer_never_a_500(client, entrant, draft, data, action):
    client.force_login(entrant)
    before = Entry.objects.get(pk=draft.pk)
    response = client.post(reverse(action, args=[draft.public_id]), data)
    assert response.status_code < 500
    after = assert_intact(draft.pk)
    if response.status_code >= 400:
        assert after.version == before.version  # a refused request changes nothing
        assert after.answers == before.answers


def test_invalid_utf8_is_read_without_error(client, entrant, draft):
    client.force_login(entrant)
    body = b"version=1&context=caf%C3%A9+%FF%FE+broken&organisation_name=%00%01ok"
    response = client.generic(
        "POST",
        reverse("entry_save", args=[draft.public_id]),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    entry = assert_intact(draft.pk)
    assert entry.answers["context"].startswith("café")
    assert entry.answers["organisation_name"] == "ok"


def test_a_missing_or_forged_version_is_refused_with_a_message(client, entrant, draft):
    client.force_login(entrant)
    for version in ["", "abc", "١", "99999999999"]:
        response = client.post(
            reverse("entry_save", args=[draft.public_id]), {"version": version, "context": "x"}
        )
        assert response.status_code == 400
        assert "Reload the page and try again" in response.text
    assert assert_intact(draft.pk).answers == {}


def test_json_and_nested_data_are_not_taken_for_answers(client, entrant, draft):
    client.force_login(entrant)
    response = client.post(
        reverse("entry_save", args=[draft.public_id]),
        json.dumps({"version": 1, "context": {"$gt": ""}}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert assert_intact(draft.pk).answers == {}


def test_unknown_question_keys_are_ignored(client, entrant, draft):
    client.force_login(entrant)
    client.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "is_staff": "1", "status": "submitted", "context": "ok"},
    )
    entry = assert_intact(draft.pk)
    assert entry.answers == {"context": "ok"}
    assert entry.status == "draft"


def test_too_many_fields_is_refused_and_nothing_changes(client, entrant, draft):
    client.force_login(entrant)
    data = {f"field{n}": "x" for n in range(10_001)} | {"version": "1", "context": "lost?"}
    response = client.post(reverse("entry_save", args=[draft.public_id]), data)
    assert response.status_code == 400
    assert "Sorry, we could not read that" in response.text
    assert assert_intact(draft.pk).version == 1


def test_a_request_over_the_size_limit_is_refused(client, entrant, draft, settings):
    client.force_login(entrant)
    big = "word " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 5 + 10)
    response = client.post(
        reverse("entry_save", args=[draft.public_id]), {"version": "1", "context": big}
    )
    assert response.status_code == 400
    assert assert_intact(draft.pk).version == 1


def test_a_post_without_csrf_token_is_refused(entrant, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(entrant)
    response = client.post(
        reverse("entry_save", args=[draft.public_id]), {"version": "1", "context": "forged"}
    )
    assert response.status_code == 403
    assert assert_intact(draft.pk).answers == {}
