from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser

from accounts.tests.builders import build_user
from accounts.verification import has_verified_email


def test_a_verified_address_counts(db):
    assert has_verified_email(build_user(verified=True)) is True


def test_an_unverified_address_does_not(db):
    assert has_verified_email(build_user(verified=False)) is False


def test_an_account_with_no_email_record_is_not_verified(db):
    from accounts.models import User

    user = User.objects.create_user(email="staff@example.org", password="x" * 12)
    assert has_verified_email(user) is False


def test_only_the_current_address_counts_not_one_waiting_to_replace_it(db):
    user = build_user("old@example.org", verified=False)
    EmailAddress.objects.create(user=user, email="new@example.org", verified=True)
    assert has_verified_email(user) is False


def test_case_of_the_address_does_not_matter(db):
    user = build_user("jo@example.org")
    user.email = "Jo@Example.org"
    assert has_verified_email(user) is True


def test_anonymous_visitors_are_not_verified():
    assert has_verified_email(AnonymousUser()) is False
