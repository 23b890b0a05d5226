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
def draft(entrant, category):
    """``entrant``'s draft in ``category``, just started."""
    from forms import services

    return services.start_entry(user=entrant, page=category)


@pytest.fixture
def signed_in(client, entrant):
    """The test client, signed in as ``entrant``."""
    client.force_login(entrant)
    return client


@pytest.fixture
def other_entrant(db):
    return build_user("someone.else@example.org")


def _staff(email: str, group: str | None):
    from django.contrib.auth.models import Group

    user = build_user(email, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def entries_manager(db):
    return _staff("manager@example.org", "Entries managers")


@pytest.fixture
def entries_viewer(db):
    """Staff who may list and inspect entries, but not export them or download their files."""
    from django.contrib.auth.models import Permission

    user = _staff("viewer@example.org", None)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["forms", "wagtailadmin"],
            codename__in=["view_entry", "access_admin"],
        )
    )
    return user


@pytest.fixture
def awards_editor(db):
    return _staff("editor@example.org", "Awards editors")


@pytest.fixture
def colleague(db):
    """Priya, whom tests add to ``entrant``'s team."""
    return build_user("priya.shah@example.org", first_name="Priya", last_name="Shah")


@pytest.fixture
def team_draft(draft, colleague):
    """``draft`` with ``colleague`` on its team, allowed to edit."""
    from forms.models import Collaborator, Role

    Collaborator.objects.create(entry=draft, user=colleague, role=Role.EDIT)
    return draft
