"""The demo entry form: the seed's criteria as long answers, organisation details, one upload.

Each criteria section names the category's criteria it answers and carries no
guidance of its own: the category page's criteria are the only copy
(forms/guidance.py).
"""

import re

from .form_building import criterion_section
from .models import EntryForm

ORGANISATION_TYPES = [
    "NHS trust",
    "Integrated care board",
    "Primary care",
    "Charity or third sector",
    "Private sector",
    "Other",
]


def demo_entry_form(
    title: str, criteria: list[tuple[str, list[str]]], max_words: int = 500
) -> EntryForm:
    """Create or refresh the published demo form called ``title``; keys stay as first assigned."""
    organisation = {
        "heading": "Your organisation",
        "guidance": "<p>Tell us who is entering. The judges see these details.</p>",
        "questions": [
            (
                "short_text",
                {
                    "key": "organisation_name",
                    "label": "Organisation name",
                    "required": True,
                    "max_words": 30,
                },
            ),
            (
                "short_text",
                {
                    "key": "entry_title",
                    "label": "Title of your entry",
                    "help_text": "A short name for your project or initiative, as it would appear on a shortlist.",
                    "required": True,
                    "max_words": 20,
                },
            ),
            (
                "single_choice",
                {
                    "key": "organisation_type",
                    "label": "Type of organisation",
                    "required": True,
                    "choices": ORGANISATION_TYPES,
                    "widget": "radio",
                },
            ),
            (
                "email",
                {
                    "key": "contact_email",
                    "label": "Contact email for this entry",
                    "help_text": "We will use this if the judges have questions.",
                    "required": True,
                },
            ),
            (
                "yes_no",
                {
                    "key": "worked_with_partners",
                    "label": "Did you deliver this work with partner organisations?",
                    "help_text": "Other NHS organisations, councils, charities or companies.",
                    "required": False,
                },
            ),
        ],
    }
    sections = [("section", organisation)]
    for heading, _points in criteria:
        # Keys as first given (e.g. context_vision), made snake case: "Co-design and
        # engagement" was once co-design_engagement, which no key may be now.
        key = re.sub(r"[^a-z0-9_]+", "_", heading.lower().replace(" and ", "_").replace(" ", "_"))
        sections.append(criterion_section(heading, key=key, max_words=max_words))
    sections.append(partners_section())
    sections.append(
        (
            "section",
            {
                "heading": "Supporting document and declaration",
                "guidance": "",
                "questions": [
                    (
                        "file",
                        {
                            "key": "supporting_document",
                            "label": "Supporting document",
                            "help_text": "One document with evidence, such as charts or testimonials.",
                            "required": False,
                            "file_types": ["pdf", "docx"],
                            "max_size_mb": 10,
                        },
                    ),
                    (
                        "yes_no",
                        {
                            "key": "declaration",
                            "label": "Do you confirm that the information in this entry is accurate and that you have permission to enter?",
                            "required": True,
                        },
                    ),
                ],
            },
        )
    )
    form = EntryForm.objects.filter(title=title).first() or EntryForm(title=title)
    form.intro = (
        "<p>Answer each section below. Your answers save as you go, so you can stop at any "
        "time and come back on any device before the deadline.</p>"
    )
    form.sections = sections
    form.save()
    form.save_revision().publish()
    return form


def demo_partnership_form(title: str) -> EntryForm:
    """Create or refresh the published short form of the partnership demo category.

    A partnership entry is confirmed by the partner organisation before it is
    submitted (forms/partner/), so the form is short enough to read in one go.
    """

    def text(kind: str, key: str, label: str, max_words: int, help_text: str = "") -> tuple:
        return (
            kind,
            {
                "key": key,
                "label": label,
                "help_text": help_text,
                "required": True,
                "max_words": max_words,
            },
        )

    sections = [
        (
            "section",
            {
                "heading": "Your organisation",
                "guidance": "<p>Tell us who is entering. The judges see these details.</p>",
                "questions": [
                    text("short_text", "organisation_name", "Organisation name", 30),
                    text(
                        "short_text",
                        "entry_title",
                        "Title of your entry",
                        20,
                        "A short name for the partnership, as it would appear on a shortlist.",
                    ),
                ],
            },
        ),
        (
            "section",
            {
                "heading": "Your NHS partner",
                "guidance": "",
                "questions": [
                    text(
                        "short_text",
                        "nhs_partner",
                        "NHS partner organisation",
                        30,
                        "The trust, board or practice you deliver care with.",
                    ),
                ],
            },
        ),
        (
            "section",
            {
                "heading": "The partnership",
                "guidance": "",
                "questions": [
                    text(
                        "long_text",
                        "partnership_story",
                        "The partnership's story",
                        300,
                        "Why the work was needed, and how you and the NHS designed and "
                        "delivered it together.",
                    ),
                    text(
                        "long_text",
                        "outcomes",
                        "Outcomes for patients and the NHS",
                        300,
                        "The difference it made, with figures where you can: waiting times, "
                        "capacity, patient experience, staff.",
                    ),
                ],
            },
        ),
    ]
    form = EntryForm.objects.filter(title=title).first() or EntryForm(title=title)
    form.intro = (
        "<p>A short entry written with your NHS partner. Before you submit it, the partner "
        "organisation confirms that it describes your partnership accurately: we email them a "
        "link to read it.</p>"
    )
    form.sections = sections
    form.save()
    form.save_revision().publish()
    return form


def partners_section() -> tuple[str, dict]:
    """A section asked only of entrants who worked with partners (forms/conditions.py)."""
    return (
        "section",
        {
            "heading": "Your partners",
            "guidance": "<p>Judges look for work that partners designed and delivered "
            "together.</p>",
            "show_when": {"question": "worked_with_partners", "answers": "Yes"},
            "questions": [
                (
                    "short_text",
                    {
                        "key": "partner_organisations",
                        "label": "Partner organisations",
                        "help_text": "Their names, separated by commas.",
                        "required": True,
                        "max_words": 60,
                    },
                ),
                (
                    "long_text",
                    {
                        "key": "partner_contributions",
                        "label": "What each partner contributed",
                        "required": True,
                        "max_words": 250,
                    },
                ),
            ],
        },
    )
