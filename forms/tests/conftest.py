import pytest

from awards.tests.builders import build_category, build_programme
from forms.tests.builders import build_entry_form, build_user


@pytest.fixture
def entry_form(db):
    return build_entry_form()


@pytest.fixture
def category(home_page, entry_form):
    """An open category (closes in 30 days) that takes entries with ``entry_form``."""
    programme = build_programme(home_page)
    return build_category(programme, entry_form=entry_form)


@pytest.fixture
def entrant(db):
    return build_user()


@pytest.fixture
def other_entrant(db):
    return build_user("someone.else@example.org")
