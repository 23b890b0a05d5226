"""The demo's open partnership category, which asks who may enter before an entry starts.

The Partnership Awards seed page is closed (its programme's entries closed), and
tests hold it so. Its "who can enter" text (a private sector organisation
working with the NHS, evidence from the past two years) is asked here, in the
open programme, as an eligibility check (forms/eligibility.py): an NHS team
that answers is pointed to the Performance Recovery Award instead.
"""

from django.utils.html import escape

from awards.models import CategoryContact, CategoryPage
from forms.demo import demo_partnership_form
from home.demo_data import COMMUNITY_PARTNERSHIP
from home.demo_pages import child, criteria, paragraphs
from home.demo_snippets import set_contacts

TITLE = "Private Sector Partnership Award"
ORGANISATION_TYPES = [
    "A private sector organisation",
    "An NHS organisation",
    "A charity or social enterprise",
    "Another kind of organisation",
]
ELIGIBILITY = [
    (
        "choice",
        {
            "question": "Which best describes the organisation entering?",
            "help_text": "",
            "choices": ORGANISATION_TYPES,
            "qualifying": "A private sector organisation",
        },
    ),
    (
        "yes_no",
        {
            "question": "Do you work in partnership with an NHS organisation to enable or "
            "deliver care in the community?",
            "help_text": "A single partnership or a joint working project.",
            "qualifying": "Yes",
        },
    ),
    (
        "yes_no",
        {
            "question": "Is your evidence from the past two years, up to the awards deadline?",
            "help_text": "",
            "qualifying": "Yes",
        },
    ),
]
NOT_ELIGIBLE = (
    "<p>This award is open to private sector organisations which work in partnership with "
    "an NHS organisation to enable or deliver care in the community, with evidence from the "
    "past two years up until the awards deadline.</p>"
    "<p>NHS teams restoring services and performance enter the Performance Recovery Award.</p>"
)


def private_sector_partnership(programme, contacts, suggested: CategoryPage) -> CategoryPage:
    seed = COMMUNITY_PARTNERSHIP
    who = "".join(f"<li>{escape(point)}</li>" for point in seed["who_can_enter_points"])
    category = child(
        programme,
        CategoryPage,
        "private-sector-partnership-award",
        title=TITLE,
        summary="For private sector organisations delivering care in the community with "
        "an NHS partner.",
        context=paragraphs(seed["context"]),
        who_can_enter=f"<ul>{who}</ul>",
        how_to_apply=[
            ("step", "Register an account."),
            ("step", "Check you can enter: three questions before you start."),
            ("step", "Start your entry (save it in-progress)."),
            ("step", "Submit your entry."),
        ],
        criteria=criteria(seed["criteria"]),
        reference_code="PSPA",
        search_description="Private sector partners delivering community care with the NHS.",
        entry_form=demo_partnership_form("Community Services Partnership entry form"),
        eligibility_check=ELIGIBILITY,
        not_eligible_message=NOT_ELIGIBLE,
        suggested_category=suggested,
        # Its form's intro promises the NHS partner's confirmation, as the seed category's.
        partner_confirmation_required=True,
        entries_closed=False,
    )
    set_contacts(category, CategoryContact, contacts, ["partnership"])
    category.save_revision().publish()
    return category
