"""Who reaches an entry through the portal: its assigned judge, and nobody else. Anyone
else finds nothing there (404), as with another person's entry; anonymous visitors are
asked to sign in."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from forms.models import Collaborator, Role
from forms.tests.builders import build_entry_file, build_user
from judging.models import Assignment, PanelJudge, Score

from .builders import build_judge
from .test_portal_pages import portal_setup

ROUTES = ["judging:entry", "judging:declare"]
POSTS = ["judging:save", "judging:submit", "judging:declare"]


def urls(entry, upload):
    found = [(reverse(name, args=[entry.public_id]), "get") for name in ROUTES]
    found += [(reverse(name, args=[entry.public_id]), "post") for name in POSTS]
    found.append((reverse("judging:file", args=[entry.public_id, upload.public_id]), "get"))
    return found


def answers(client, entry, upload):
    data = {"version": "1", "score-vision": "3", "reason": "A reason"}
    return [
        getattr(client, method)(url, data) if method == "post" else client.get(url)
        for url, method in urls(entry, upload)
    ]


@pytest.fixture
def scene(judged_category):
    judge, entry, panel = portal_setup(judged_category)
    upload = build_entry_file(entry, b"%PDF-1.4")
    return judge, entry, panel, upload


def test_the_assigned_judge_reaches_every_page(client, scene):
    judge, entry, _panel, upload = scene
    client.force_login(judge)
    assert client.get(reverse("judging:entry", args=[entry.public_id])).status_code == 200
    file_url = reverse("judging:file", args=[entry.public_id, upload.public_id])
    assert client.get(file_url).status_code == 200


def test_anonymous_visitors_are_asked_to_sign_in(client, scene):
    _judge, entry, _panel, upload = scene
    for response in answers(client, entry, upload):
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def not_found_for(client, user, entry, upload):
    client.force_login(user)
    statuses = [response.status_code for response in answers(client, entry, upload)]
    assert statuses == [404] * len(statuses)
    assert not Score.objects.exists()


def test_a_judge_not_assigned_finds_nothing(client, scene):
    _judge, entry, panel, upload = scene
    other = build_judge()  # on another panel, with no assignment to this entry
    PanelJudge.objects.create(panel=panel, judge=other)
    not_found_for(client, other, entry, upload)


def test_the_entrant_and_their_team_find_nothing(client, scene):
    _judge, entry, _panel, upload = scene
    colleague = build_user("colleague@northshire.example.org")
    Collaborator.objects.create(entry=entry, user=colleague, role=Role.EDIT)
    not_found_for(client, entry.entrant, entry, upload)
    not_found_for(client, colleague, entry, upload)


def test_staff_without_an_assignment_find_nothing(client, scene):
    _judge, entry, _panel, upload = scene
    manager = build_user("manager@example.org", is_staff=True)
    manager.groups.add(Group.objects.get(name="Entries managers"))
    not_found_for(client, manager, entry, upload)


def test_a_removed_assignment_is_gone(client, scene):
    judge, entry, _panel, upload = scene
    Assignment.objects.filter(judge=judge).update(removed_at=timezone.now())
    not_found_for(client, judge, entry, upload)


def test_a_judge_who_left_the_panel_finds_nothing(client, scene):
    judge, entry, _panel, upload = scene
    PanelJudge.objects.filter(judge=judge).update(left_at=timezone.now())
    not_found_for(client, judge, entry, upload)
    assert client.get(reverse("judging:home")).status_code == 403


def test_a_conflict_found_since_the_assignment_hides_the_entry(client, scene):
    judge, entry, _panel, upload = scene
    # A collaborator from the judge's own organisation joins after the entries were shared.
    insider = build_user("insider@example.org", organisation=judge.organisation)
    Collaborator.objects.create(entry=entry, user=insider, role=Role.EDIT)
    not_found_for(client, judge, entry, upload)
    assert Assignment.objects.get(judge=judge, entry=entry).removed_at is not None
    listing = client.get(reverse("judging:home")).content.decode()
    assert entry.reference not in listing
