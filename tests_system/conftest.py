import pytest

from awards.tests.builders import build_category, build_home, build_programme
from forms.tests.builders import build_entry_form, build_user


@pytest.fixture
def open_category(transactional_db):
    home = build_home()
    return build_category(build_programme(home), entry_form=build_entry_form())


@pytest.fixture
def entrant(transactional_db):
    return build_user("racer@example.org")
