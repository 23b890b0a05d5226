"""Two people writing one entry: different answers merge, the same answer is a conflict
that names the other person, and every change is kept in the entry's history."""

import pytest
from django.urls import reverse

from forms import services
from forms.exceptions import NotAllowed, StaleDraft
from forms.models import AnswerRevision, Collaborator, Entry, Role

pytestmark = pytest.mark.django_db


def fresh(entry):
    current = Entry.objects.get(pk=entry.pk)
    current.page = entry.page
    return current


def save(entry, user, answers, *, bases, writer, base=1):
    return services.save_draft(
        entry=fresh(entry),
        user=user,
        answers=answers,
        base_version=base,
        bases=bases,
        writer=writer,
    )


# Both pages were drawn at version 1 with nothing written: every answer's base is 0.
DRAWN = {"context": 0, "notes": 0, "organisation_name": 0}


def test_two_people_writing_different_answers_both_keep_their_text(team_draft, entrant, colleague):
    save(
        team_draft,
        entrant,
        {"context": "Ada's context", "notes": ""},
        bases=DRAWN,
        writer="ada-page-01.1",
    )
    # Priya's page still shows the entry as it was drawn: her empty "context" is stale.
    result = save(
        team_draft,
        colleague,
        {"context": "", "notes": "Priya's notes"},
        bases=DRAWN,
        writer="priya-page-1.1",
    )
    entry = fresh(team_draft)
    assert entry.answers["context"] == "Ada's context"
    assert entry.answers["notes"] == "Priya's notes"
    assert entry.version == 3
    # Priya's page is told about Ada's answer, so it can show it.
    assert result.others == ["context"]
    assert result.versions["notes"] == 3 and result.versions["context"] == 2


def test_two_people_changing_the_same_answer_is_refused_with_the_others_name(
    team_draft, entrant, colleague
):
    save(team_draft, entrant, {"context": "Ada's context"}, bases=DRAWN, writer="ada-page-01.1")
    with pytest.raises(StaleDraft) as refused:
        save(
            team_draft,
            colleague,
            {"context": "Priya's context", "notes": "Priya's notes"},
            bases=DRAWN,
            writer="priya-page-1.1",
        )
    assert refused.value.conflicts == ["context"]
    # Nothing of the refused save is written: her notes come back with her text.
    assert refused.value.mine == {"context": "Priya's context", "notes": "Priya's notes"}
    entry = fresh(team_draft)
    assert entry.answers == {"context": "Ada's context"}
    assert entry.answer_meta["context"]["u"] == entrant.pk


def test_the_conflict_reply_names_the_person_who_wrote_the_other_text(
    client, team_draft, entrant, colleague
):
    save(team_draft, entrant, {"context": "Ada's context"}, bases=DRAWN, writer="ada-page-01.1")
    client.force_login(colleague)
    response = client.post(
        reverse("entry_save", args=[team_draft.public_id]),
        {
            "version": 1,
            "bases": '{"context":0}',
            "context": "Priya's context",
            "writer": "priya-page-1.1",
        },
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 409
    body = response.json()
    assert body["by"] == ["Ada Entrant"]
    [difference] = body["differences"]
    assert (difference["yours"], difference["saved"], difference["by"]) == (
        "Priya's context",
        "Ada's context",
        "Ada Entrant",
    )
    # "Keep this version": the same text, now based on Ada's version, goes through.
    response = client.post(
        reverse("entry_save", args=[team_draft.public_id]),
        {
            "version": 2,
            "bases": f'{{"context":{difference["version"]}}}',
            "context": "Priya's context",
            "writer": "priya-page-1.2",
        },
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert fresh(team_draft).answers["context"] == "Priya's context"


def test_a_view_collaborator_cannot_change_anything(client, draft, colleague):
    Collaborator.objects.create(entry=draft, user=colleague, role=Role.VIEW)
    with pytest.raises(NotAllowed):
        save(draft, colleague, {"context": "Sneaky"}, bases=DRAWN, writer="priya-page-1.1")
    client.force_login(colleague)
    response = client.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "context": "Sneaky"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 403
    assert "does not let you change this entry" in response.json()["message"]
    assert client.get(reverse("entry_detail", args=[draft.public_id])).status_code == 200
    assert "context" not in fresh(draft).answers


def test_every_change_is_kept_with_its_author_and_version(team_draft, entrant, colleague):
    save(team_draft, entrant, {"context": "First"}, bases=DRAWN, writer="ada-page-01.1")
    save(
        team_draft,
        colleague,
        {"context": "Second"},
        bases={"context": 2},
        writer="priya-page-1.1",
        base=2,
    )
    save(
        team_draft,
        colleague,
        {"context": "Second"},
        bases={"context": 3},
        writer="priya-page-1.2",
        base=3,
    )
    history = list(
        AnswerRevision.objects.filter(entry=team_draft, key="context")
        .order_by("version")
        .values_list("version", "value", "author_id")
    )
    # The unchanged third save wrote nothing and kept no revision.
    assert history == [(2, "First", entrant.pk), (3, "Second", colleague.pk)]


def test_a_page_without_per_answer_bases_merges_by_the_entrys_version(
    team_draft, entrant, colleague
):
    # A page drawn before answers had versions sends only the entry's version.
    save(team_draft, entrant, {"notes": "Ada's notes"}, bases={}, writer="ada-page-01.1")
    save(team_draft, colleague, {"context": "Priya's"}, bases={}, writer="priya-page-1.1")
    entry = fresh(team_draft)
    assert entry.answers == {"notes": "Ada's notes", "context": "Priya's"}
