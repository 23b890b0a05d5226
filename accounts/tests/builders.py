"""Small builders for account tests."""

import re

from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User

PASSWORD = "correct-horse-battery-staple"
LINK = re.compile(r"https?://\S+")


def build_user(
    email: str = "jo.entrant@example.org",
    *,
    password: str = PASSWORD,
    verified: bool = True,
    **fields,
) -> User:
    """An entrant as allauth leaves one after sign-up: a user and their email address."""
    fields.setdefault("first_name", "Jo")
    fields.setdefault("last_name", "Entrant")
    fields.setdefault("organisation", "Northshire NHS Trust")
    user = User.objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


def signup_data(**overrides) -> dict[str, str]:
    data = {
        "first_name": "Priya",
        "last_name": "Shah",
        "organisation": "Riverside Community Health",
        "email": "priya.shah@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def link_in_last_email(path_part: str) -> str:
    """The path of the link in the latest email whose URL contains path_part."""
    assert mail.outbox, "no email was sent"
    for url in LINK.findall(mail.outbox[-1].body):
        if path_part in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no link containing {path_part!r} in: {mail.outbox[-1].body}")


def main_html(response) -> str:
    """The page's <main> element: what the account page itself shows."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]
