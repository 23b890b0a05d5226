"""Saving, submitting and declaring a conflict from the portal: what the judge sees back
and what the database holds."""

from django.urls import reverse

from judging.models import Conflict, ConflictSource, Score, ScoreSheet, SheetStatus

from .test_portal_pages import entry_url, portal_setup

JSON = {"HTTP_ACCEPT": "application/json"}


def sheet_data(version=1, **values):
    data = {
        "version": str(version),
        "score-vision": "7",
        "score-delivery": "5",
        "score-outcomes": "8",
        "comment-vision": "A clear plan.",
        "comment-delivery": "",
        "comment-outcomes": "",
        "overall_comment": "Strong entry.",
    }
    data.update(
        {
            key.replace("_", "-", 1) if key.startswith(("score_", "comment_")) else key: v
            for key, v in values.items()
        }
    )
    return data


def scores_of(entry) -> dict:
    return dict(
        Score.objects.filter(sheet__assignment__entry=entry).values_list("criterion", "score")
    )


def signed_in(client, judged_category, **setup):
    judge, entry, panel = portal_setup(judged_category, **setup)
    client.force_login(judge)
    return judge, entry, panel


def test_saving_writes_the_scores_bumps_the_version_and_says_when(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    response = client.post(
        reverse("judging:save", args=[entry.public_id]), sheet_data(), follow=True
    )
    assert response.redirect_chain[-1][0].endswith(entry_url(entry) + "#score-sheet")
    assert "Saved at " in response.content.decode()
    assert scores_of(entry) == {"vision": 7, "delivery": 5, "outcomes": 8}
    sheet = ScoreSheet.objects.get(assignment__entry=entry)
    assert sheet.version == 2 and sheet.overall_comment == "Strong entry."
    html = response.content.decode()
    assert 'name="version" value="2"' in html
    assert "3 of 3 criteria scored" in html
    assert "<strong data-weighted>27</strong> out of 40" in html  # 7×2 + 5 + 8


def test_an_autosave_gets_json_back(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    response = client.post(
        reverse("judging:save", args=[entry.public_id]), sheet_data(score_outcomes=""), **JSON
    )
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and body["version"] == 2 and body["saved_at"]
    assert scores_of(entry) == {"vision": 7, "delivery": 5, "outcomes": None}


def test_a_score_out_of_range_or_not_a_number_is_refused_and_kept_on_the_page(
    client, judged_category
):
    _judge, entry, _panel = signed_in(client, judged_category)
    url = reverse("judging:save", args=[entry.public_id])
    response = client.post(url, sheet_data(score_vision="11", score_delivery="abc"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert (
        '<a href="#score-vision">Score for Vision must be a whole number from 0 to 10</a>' in html
    )
    assert '<a href="#score-delivery">' in html
    assert 'name="score-vision" type="text" inputmode="numeric"' in html
    assert 'value="11"' in html and 'value="abc"' in html
    assert "A clear plan." in html
    assert not ScoreSheet.objects.filter(assignment__entry=entry).exists()

    response = client.post(url, sheet_data(score_vision="11"), **JSON)
    assert response.status_code == 400
    assert "score-vision" in response.json()["errors"]
    assert not Score.objects.exists()


def test_a_stale_save_is_refused_and_shows_both_versions(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    url = reverse("judging:save", args=[entry.public_id])
    client.post(url, sheet_data(score_vision="6"))  # another tab: version 1 -> 2
    response = client.post(url, sheet_data(version=1, score_vision="9"))
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed in another tab or device" in html
    assert 'id="score-vision" name="score-vision" type="text"' in html
    assert 'value="9"' in html  # what this judge typed
    assert "Newer saved score: <span data-other-value>6</span>" in html
    assert 'name="version" value="2"' in html
    assert scores_of(entry)["vision"] == 6

    response = client.post(url, sheet_data(version=1, score_vision="9"), **JSON)
    assert response.status_code == 409
    body = response.json()
    assert body["conflict"] and body["version"] == 2
    assert body["newer"]["scores"]["score-vision"] == "6"
    assert scores_of(entry)["vision"] == 6


def test_submitting_an_incomplete_sheet_says_what_is_missing(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    response = client.post(
        reverse("judging:submit", args=[entry.public_id]),
        sheet_data(score_delivery="", score_outcomes=""),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#score-delivery">Give a score from 0 to 10 for Delivery.</a>' in html
    assert '<a href="#score-outcomes">' in html
    sheet = ScoreSheet.objects.get(assignment__entry=entry)
    assert sheet.status == SheetStatus.DRAFT
    assert scores_of(entry)["vision"] == 7  # what was typed is saved
    assert f'name="version" value="{sheet.version}"' in html


def test_submitting_a_complete_sheet_locks_it(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    response = client.post(
        reverse("judging:submit", args=[entry.public_id]), sheet_data(), follow=True
    )
    html = response.content.decode()
    assert "Submitted at " in html
    assert "<strong>7</strong> out of 10" in html
    assert "data-score-sheet" not in html  # read-only now
    sheet = ScoreSheet.objects.get(assignment__entry=entry)
    assert sheet.status == SheetStatus.SUBMITTED
    listing = client.get(reverse("judging:home")).content.decode()
    assert "Submitted" in listing and "1 of 1 scored" in listing

    # a save after the submit changes nothing
    save = reverse("judging:save", args=[entry.public_id])
    response = client.post(save, sheet_data(version=sheet.version, score_vision="1"))
    assert response.status_code == 409
    assert "This score sheet has been submitted" in response.content.decode()
    assert "You sent: 1" in response.content.decode()
    response = client.post(save, sheet_data(version=sheet.version, score_vision="1"), **JSON)
    assert response.status_code == 409 and response.json()["locked"]
    assert scores_of(entry)["vision"] == 7


def test_an_entry_that_does_not_qualify_needs_no_scores(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category, qualifying_round=True)
    submit = reverse("judging:submit", args=[entry.public_id])
    response = client.post(
        submit, sheet_data(score_vision="", score_delivery="", score_outcomes="")
    )
    assert response.status_code == 400
    assert '<a href="#qualifying-yes">Say whether this entry qualifies' in response.content.decode()
    version = ScoreSheet.objects.get(assignment__entry=entry).version
    data = sheet_data(
        version, qualifying="no", score_vision="", score_delivery="", score_outcomes=""
    )
    response = client.post(submit, data)
    assert response.status_code == 302
    assert ScoreSheet.objects.get(assignment__entry=entry).qualifying == "no"


def test_an_unreadable_version_is_a_clear_400(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    response = client.post(reverse("judging:save", args=[entry.public_id]), sheet_data(version="x"))
    assert response.status_code == 400
    assert "could not tell which version" in response.content.decode()


def test_declaring_a_conflict_takes_the_entry_away(client, judged_category):
    judge, entry, _panel = signed_in(client, judged_category)
    url = reverse("judging:declare", args=[entry.public_id])
    assert "Declare a conflict of interest" in client.get(url).content.decode()

    response = client.post(url, {"reason": "   "})
    assert response.status_code == 400
    assert "Enter why you must not judge this entry" in response.content.decode()
    response = client.post(url, {"reason": "x" * 1001})
    assert response.status_code == 400
    assert "1,000 characters or fewer" in response.content.decode()
    assert not Conflict.objects.exists()

    response = client.post(url, {"reason": "I mentored the project lead."}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("judging:home")
    assert "You have declared a conflict of interest" in response.content.decode()
    conflict = Conflict.objects.get()
    assert (conflict.judge, conflict.entry, conflict.source) == (
        judge,
        entry,
        ConflictSource.DECLARED,
    )
    assert conflict.reason == "I mentored the project lead."
    assert client.get(entry_url(entry)).status_code == 404
    assert "No entries are waiting for you" in response.content.decode()


def test_a_category_without_criteria_says_so_and_saves_nothing(client, judged_category):
    _judge, entry, _panel = signed_in(client, judged_category)
    judged_category.criteria = []
    judged_category.save_revision().publish()
    html = client.get(entry_url(entry)).content.decode()
    assert "no criteria to score against yet" in html
    assert "data-score-sheet" not in html
    response = client.post(reverse("judging:save", args=[entry.public_id]), sheet_data())
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode()
    response = client.post(reverse("judging:submit", args=[entry.public_id]), sheet_data())
    assert response.status_code == 400
    assert not ScoreSheet.objects.exists()
