import pytest

from awards.tests.builders import build_category, build_programme
from forms.tests.builders import build_entry_form

from .builders import weighted_criteria


@pytest.fixture
def judged_category(home_page):
    """A closed category with three weighted criteria (Vision ×2, Delivery, Outcomes)."""
    from datetime import timedelta

    from django.utils import timezone

    programme = build_programme(home_page)
    return build_category(
        programme,
        entry_form=build_entry_form(),
        criteria=weighted_criteria(),
        entries_close_at=timezone.now() - timedelta(days=1),
    )
