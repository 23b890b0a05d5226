"""The judges' feedback on the entrant's entry page: only where the category offers it,
only from the winners' announcement, judges numbered and never named, scores only
when editors chose to show them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from forms.hosting import criterion_key
from forms.models import Collaborator, Role
from forms.tests.builders import build_user
from judging.feedback import feedback_for
from judging.models import Assignment, Qualifying, Score, ScoreSheet, SheetStatus

from .builders import build_judge, build_panel, build_submitted_entry
from .results_builders import ONE_SECOND, announce, later

pytestmark = pytest.mark.django_db

# (judge's sheet) per criterion: (score, comment); Vision, Delivery, Outcomes.
SHEETS = [
    {
        "overall": "A clear, well-evidenced recovery story.",
        "Vision": (8, "Ambitious and well argued."),
        "Delivery": (6, ""),
        "Outcomes": (7, "Good figures on waiting times."),
    },
    {
        "overall": "",
        "Vision": (9, "The strongest vision we read."),
        "Delivery": (5, "More on how staff were supported."),
        "Outcomes": (8, ""),
    },
]


def score_sheet(
    panel, judge, entry, marks: dict, status=SheetStatus.SUBMITTED, qualifying="", **assignment
):
    made = Assignment.objects.create(panel=panel, judge=judge, entry=entry, **assignment)
    sheet = ScoreSheet.objects.create(
        assignment=made,
        status=status,
        overall_comment=marks["overall"],
        qualifying=qualifying,
        submitted_at=timezone.now() if status == SheetStatus.SUBMITTED else None,
    )
    for heading in ("Vision", "Delivery", "Outcomes"):
        score, comment = marks[heading]
        Score.objects.create(
            sheet=sheet, criterion=criterion_key(heading), score=score, comment=comment
        )
    return sheet


@pytest.fixture
def judged_entry(judged_category):
    """An entry scored by two judges (sheets submitted), a third still scoring, a fourth
    whose assignment a conflict removed, a fifth who said "no" in the qualifying round;
    feedback on, the winners announced tomorrow."""
    judged_category.feedback_to_entrants = True
    announce(judged_category, shortlist_at=later(hours=12), winners_at=later(days=1))
    owner = build_user("owner@example.org", first_name="Ola", last_name="Owner")
    entry = build_submitted_entry(judged_category, owner)
    judges = [
        build_judge(first_name="Harriet", last_name="Vane"),
        build_judge(first_name="Peter", last_name="Wimsey"),
        build_judge(first_name="Mervyn", last_name="Bunter"),
        build_judge(first_name="Charles", last_name="Parker"),
        build_judge(first_name="Miss", last_name="Climpson"),
    ]
    panel = build_panel([judged_category], judges)
    for judge, marks in zip(judges, SHEETS, strict=False):
        score_sheet(panel, judge, entry, marks)
    draft = {"overall": "Unfinished thoughts", "Vision": (1, "Draft note")}
    draft |= {"Delivery": (1, ""), "Outcomes": (1, "")}
    score_sheet(panel, judges[2], entry, draft, status=SheetStatus.DRAFT)
    removed = {"overall": "Conflicted view", "Vision": (0, "Should not be seen")}
    removed |= {"Delivery": (0, ""), "Outcomes": (0, "")}
    score_sheet(
        panel,
        judges[3],
        entry,
        removed,
        removed_at=timezone.now(),
        removed_because="Same organisation",
    )
    not_qualified = {"overall": "Did not qualify", "Vision": (0, "Not for this award")}
    not_qualified |= {"Delivery": (0, ""), "Outcomes": (0, "")}
    score_sheet(panel, judges[4], entry, not_qualified, qualifying=Qualifying.NO)
    return entry


def entry_page(client, entry, user, at) -> str:
    with freeze_time(at):
        client.force_login(user)  # signed in at that moment: a session lasts hours, not days
        response = client.get(reverse("entry_detail", args=[entry.public_id]))
    assert response.status_code == 200
    return response.content.decode()


JUDGING_WORDS = ("Judge", "judge", "feedback", "Ambitious", "results.css", "score")


def test_nothing_of_judging_shows_before_the_winners_are_announced(client, judged_entry):
    winners_at = judged_entry.page.specific.winners_at
    page = entry_page(client, judged_entry, judged_entry.entrant, winners_at - ONE_SECOND)
    assert not [word for word in JUDGING_WORDS if word in page]
    assert feedback_for(judged_entry, winners_at - ONE_SECOND) is None


def test_nothing_shows_when_the_category_does_not_offer_feedback(client, judged_entry):
    category = judged_entry.page.specific
    category.feedback_to_entrants = False
    category.save_revision().publish()
    page = entry_page(client, judged_entry, judged_entry.entrant, category.winners_at + ONE_SECOND)
    assert not [word for word in JUDGING_WORDS if word in page]


def test_after_the_winners_the_entrant_reads_the_comments_by_numbered_judges(client, judged_entry):
    winners_at = judged_entry.page.specific.winners_at
    page = entry_page(client, judged_entry, judged_entry.entrant, winners_at + ONE_SECOND)

    assert '<h2 id="judges-feedback">Judges\' feedback</h2>' in page
    for comment in (
        "A clear, well-evidenced recovery story.",
        "Ambitious and well argued.",
        "The strongest vision we read.",
        "More on how staff were supported.",
        "Good figures on waiting times.",
    ):
        assert comment in page
    # Grouped under each criterion, judges numbered the same way throughout.
    vision = page.split("<h3>Vision</h3>")[1].split("<h3>Delivery</h3>")[0]
    assert vision.index("Judge 1") < vision.index("Ambitious") < vision.index("Judge 2")
    assert "The strongest vision we read." in vision
    # Never a name, nor a sheet still being written, nor one a conflict removed.
    for hidden in ("Harriet", "Vane", "Wimsey", "Bunter", "Parker", "Climpson"):
        assert hidden not in page
    assert "Draft note" not in page and "Unfinished" not in page
    assert "Should not be seen" not in page and "Conflicted view" not in page
    assert "Not for this award" not in page and "Did not qualify" not in page
    assert "Judge 3" not in page
    # Scores only when editors choose.
    assert "out of" not in page and "8.5" not in page


def test_a_collaborator_reads_it_too(client, judged_entry):
    colleague = build_user("priya@example.org", first_name="Priya")
    Collaborator.objects.create(entry=judged_entry, user=colleague, role=Role.VIEW)
    winners_at = judged_entry.page.specific.winners_at
    page = entry_page(client, judged_entry, colleague, winners_at + ONE_SECOND)
    assert "Ambitious and well argued." in page


def test_each_criterions_average_is_shown_when_editors_choose_scores(client, judged_entry):
    category = judged_entry.page.specific
    category.feedback_shows_scores = True
    category.save_revision().publish()

    feedback = feedback_for(judged_entry, category.winners_at)
    averages = {c.heading: str(c.average) for c in feedback.criteria}
    assert averages == {"Vision": "8.5", "Delivery": "5.5", "Outcomes": "7.5"}
    assert feedback.judges == 2

    page = entry_page(client, judged_entry, judged_entry.entrant, category.winners_at)
    assert "<strong>8.5</strong>" in page and "out of</span> 10" in page


def test_feedback_reads_two_queries(judged_entry, django_assert_num_queries):
    from wagtail.models import Page

    entry = judged_entry
    entry.page = Page.objects.get(pk=entry.page_id).specific
    now = entry.page.winners_at + timedelta(minutes=1)
    feedback_for(entry, now)  # the programme's times, kept per content version
    with django_assert_num_queries(2):
        assert feedback_for(entry, now) is not None


def test_another_person_sees_no_entry_at_all(client, judged_entry):
    with freeze_time(judged_entry.page.specific.winners_at + ONE_SECOND):
        client.force_login(build_user("stranger@example.org"))
        response = client.get(reverse("entry_detail", args=[judged_entry.public_id]))
    assert response.status_code == 404
