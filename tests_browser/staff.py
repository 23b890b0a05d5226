"""Staff for the admin journeys: a member of a staff group, signed in to the Wagtail admin
through its own sign-in page."""

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from forms.tests.builders import build_user

PASSWORD = "a-long-password-123"  # what forms.tests.builders.build_user sets


def staff_member(email: str, group: str, **fields):
    user = build_user(email, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group))
    return user


def sign_in_to_admin(page, base: str, email: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/admin/")
