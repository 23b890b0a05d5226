"""The demo's judged programme: "Healthcare Awards 2025", closed, judged and announced.

Its Elective Recovery Award (the Performance Recovery seed's text, with criteria of its
own under the same headings, so the open programme's entry form serves it too)
has a dozen fictional submitted entries, a panel of three fictional judges (not
blind) whose sheets are all submitted with varied scores and comments, a
shortlist of five with a winner and a highly commended, both announcement times
in the past, and feedback to entrants switched on: `make run` shows the whole
cycle. Every person, organisation and address here is invented (example.org).

Loading again updates in place: entries are found by reference, people by email,
and the panel's assignments, sheets and results are written afresh.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from awards.models import CategoryContact, CategoryPage, KeyDate, ProgrammeContact, ProgrammePage
from forms.models import Entry, EntryForm, EntryStatus
from home.demo_data import PERFORMANCE_RECOVERY
from home.demo_pages import child, criteria, london, paragraphs
from home.demo_snippets import set_contacts
from judging.models import (
    Assignment,
    Outcome,
    Panel,
    PanelJudge,
    Result,
    Score,
    ScoreSheet,
    SheetStatus,
)

# Organisation, entry title, lead entrant, and how strong the entry is (0-10).
ENTRIES = [
    ("Northshire NHS Foundation Trust", "Theatres back to full strength", "Amara Okafor", 8.6),
    ("Eastmoor Community Health NHS Trust", "Evening clinics that cleared the backlog", "Tom Reilly", 8.1),
    ("Riverside Integrated Care Board", "One waiting list for the whole county", "Priya Nair", 7.7),
    ("Ashdown Partnership NHS Trust", "Beds without delay", "Gareth Lloyd", 7.4),
    ("Westvale Hospitals NHS Foundation Trust", "Seven-day discharge", "Chloe Brennan", 7.1),
    ("Kestrel Primary Care Network", "Same-day access restored", "Samuel Osei", 6.7),
    ("Harbourside Mental Health NHS Trust", "Talking therapies within six weeks", "Isla Fraser", 6.4),
    ("Greyfield Ambulance Service NHS Trust", "Handover times halved", "Daniel Kowalski", 6.0),
    ("Millbrook Children's Hospital", "Children's surgery catch-up", "Hannah Whitaker", 5.7),
    ("Southmere Diagnostics Partnership", "Scans on Sundays", "Ravi Chandran", 5.3),
    ("Oakridge and Fenton NHS Trust", "Cancer pathway recovery", "Megan Doyle", 4.9),
    ("Lowther Valley Community Services", "Home first", "Owen Pritchard", 4.4),
]  # fmt: skip
JUDGES = [
    ("Helen", "Marsh", "judge.marsh@example.org", "Clearwater Health Policy Institute", -0.3),
    ("Tunde", "Adeyemi", "judge.adeyemi@example.org", "Carrow Business School", 0.4),
    ("Sarah", "Lindqvist", "judge.lindqvist@example.org", "Patient Voice Alliance", 0.0),
]
STRONG = [
    "Clear, measurable targets and a convincing account of how the team met them.",
    "Outstanding evidence: the before-and-after figures speak for themselves.",
    "A model other organisations could follow, and the team has already shared it.",
]
MIDDLE = [
    "A solid account; more figures would have made the case stronger.",
    "Good work, though the entry says more about plans than results so far.",
    "Promising, with some evidence of impact on patients and staff.",
]
WEAK = [
    "The ambition is clear but the evidence of improvement is thin.",
    "Hard to tell what changed and by how much: the judges wanted numbers.",
]
OVERALL = {  # per band, one for each judge
    "strong": [
        "An impressive recovery story, well told and well evidenced.",
        "Congratulations to the team: a model of recovery at pace.",
        "Compelling from start to finish, with results the judges could check.",
    ],
    "middle": [
        "A worthwhile initiative; sharper evidence of outcomes would lift it.",
        "Real benefits for patients, described more than measured.",
        "Good progress. Tell us next time how it compares with the targets you set.",
    ],
    "weak": [
        "Thank you for entering. Focus future entries on measured results.",
        "The entry needed more on delivery and outcomes to compete.",
        "A promising start; the judges look forward to seeing the results.",
    ],
}
SHORTLIST_SIZE = 5
PANEL_NAME = "Healthcare Awards 2025: Elective Recovery panel"
# The seed's criteria headings (the shared form's sections name them), in words of its own.
CRITERIA = [
    ("Context and vision", ["The backlog you faced, and the targets you set to clear it."]),
    ("Delivery", ["What you changed, how quickly, and the results against your targets."]),
    ("Spread and sustainability", ["How the gains will last, and who else has adopted them."]),
    ("Value and outcomes", ["What patients, staff and budgets gained, with evidence."]),
    ("Engagement", ["How clinicians, staff and patients shaped the work."]),
]


def healthcare_awards(home, contacts, entry_form: EntryForm) -> CategoryPage:
    """The closed, judged programme and its category, with entries, sheets and results."""
    programme = child(
        home,
        ProgrammePage,
        "healthcare-awards-2025",
        title="Healthcare Awards 2025",
        intro="<p>Last year's awards, judged and announced: the shortlists and winners, "
        "chosen by independent panels against each category's published criteria.</p>",
        entries_open_at=london(-240, 9),
        entries_close_at=london(-120, 12),
        shortlist_at=london(-45, 10),
        winners_at=london(-7, 19),
        search_description="Shortlists and winners of the Healthcare Awards 2025.",
    )
    programme.key_dates.clear()
    for label, day in [
        ("Entries closed", -120),
        ("Shortlist announced", -45),
        ("Winners announced", -7),
    ]:
        programme.key_dates.add(
            KeyDate(label=label, date=timezone.localdate() + timedelta(days=day))
        )
    set_contacts(programme, ProgrammeContact, contacts, ["entries", "media", "judging"])
    programme.save_revision().publish()

    seed = PERFORMANCE_RECOVERY
    category = child(
        programme,
        CategoryPage,
        "elective-recovery-award",
        title="Elective Recovery Award",
        summary="For teams bringing planned care back to, or beyond, its pre-pandemic levels.",
        context=paragraphs(seed["context"]),
        who_can_enter=paragraphs(seed["who_can_enter"]),
        how_to_apply=[("step", step) for step in seed["how_to_apply"]],
        criteria=criteria(CRITERIA),
        reference_code="ERA",
        entry_form=entry_form,
        feedback_to_entrants=True,
        feedback_shows_scores=True,
        search_description="The shortlist and winners of the Elective Recovery Award 2025.",
    )
    set_contacts(category, CategoryContact, contacts, ["judging"])
    category.save_revision().publish()
    entries = submitted_entries(category, entry_form)
    judge(category, entries)
    return category


def person(email: str, first: str, last: str, organisation: str) -> User:
    user = User.objects.filter(email=email).first() or User(email=email)
    user.first_name, user.last_name, user.organisation = first, last, organisation
    if user.pk is None:
        user.set_unusable_password()  # demo people never sign in with a password
    user.save()
    return user


def submitted_entries(category: CategoryPage, form: EntryForm) -> list[Entry]:
    snapshot = form.definition.to_snapshot()
    answer_keys = [q.key for q in form.definition.questions.values() if q.type == "long_text"]
    submitted_at = category.get_parent().specific.entries_close_at - timedelta(days=2)
    entries = []
    for number, (organisation, title, lead, _strength) in enumerate(ENTRIES, start=1):
        first, last = lead.split(" ", 1)
        email = f"{first}.{last}".lower().replace("'", "") + "@example.org"
        entrant = person(email, first, last, organisation)
        answers = {
            "organisation_name": organisation,
            "entry_title": title,
            "organisation_type": "NHS trust",
            "contact_email": email,
            "declaration": "yes",
        } | {key: f"{title}: how {organisation} did it, in brief." for key in answer_keys}
        entry, _ = Entry.objects.update_or_create(
            reference=f"ERA-2025-{number:04d}",
            defaults={
                "entrant": entrant,
                "page": category,
                "form": form,
                "status": EntryStatus.SUBMITTED,
                "answers": answers,
                "question_snapshot": snapshot,
                "submitted_at": submitted_at,
                "updated_at": submitted_at,
            },
        )
        entries.append(entry)
    return entries


def judge(category: CategoryPage, entries: list[Entry]) -> None:
    """Three judges score every entry; the top five are shortlisted, the best two placed."""
    panel, _ = Panel.objects.get_or_create(name=PANEL_NAME)
    panel.categories.set([category])
    Assignment.objects.filter(panel=panel).delete()  # sheets and scores go with them
    keys = [criterion.key for criterion in category.judging_criteria()]
    totals = dict.fromkeys(entries, 0)
    scores = []
    for j, (first, last, email, organisation, bias) in enumerate(JUDGES):
        judge_user = person(email, first, last, organisation)
        PanelJudge.objects.get_or_create(panel=panel, judge=judge_user)
        for e, entry in enumerate(entries):
            strength = ENTRIES[e][3]
            assignment = Assignment.objects.create(panel=panel, judge=judge_user, entry=entry)
            sheet = ScoreSheet.objects.create(
                assignment=assignment,
                status=SheetStatus.SUBMITTED,
                overall_comment=OVERALL[band(strength + bias)][j] if (e + j) % 3 else "",
                submitted_at=category.winners_announced_at - timedelta(days=40 - e),
            )
            for c, key in enumerate(keys):
                score = max(
                    0, min(10, round(strength + bias + ((e + 2 * j + 3 * c) % 5 - 2) * 0.6))
                )
                totals[entry] += score
                scores.append(
                    Score(sheet=sheet, criterion=key, score=score, comment=comment(score, e, j, c))
                )
    Score.objects.bulk_create(scores)
    ranked = sorted(entries, key=lambda entry: -totals[entry])
    outcomes = [Outcome.WINNER, Outcome.HIGHLY_COMMENDED] + [Outcome.SHORTLISTED] * (
        SHORTLIST_SIZE - 2
    )
    Result.objects.filter(entry__page=category).exclude(entry__in=ranked[:SHORTLIST_SIZE]).delete()
    for entry, outcome in zip(ranked, outcomes, strict=False):
        Result.objects.update_or_create(entry=entry, defaults={"outcome": outcome})


def band(strength: float) -> str:
    return "strong" if strength >= 7.5 else "middle" if strength >= 5.5 else "weak"


def comment(score: int, e: int, j: int, c: int) -> str:
    """Some criteria get a comment, some none, so feedback reads as judges write it."""
    if (e + j + c) % 3 == 2:
        return ""
    pool = STRONG if score >= 8 else MIDDLE if score >= 5 else WEAK
    return pool[(e + j + c) % len(pool)]
