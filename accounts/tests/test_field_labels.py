"""Account form labels: an optional field says "(optional)", as the GOV.UK Design System asks."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.forms import ProfileForm, SignupForm
from accounts.tests.builders import build_user


class Details(forms.Form):
    name = forms.CharField(label="Your name")
    nickname = forms.CharField(label="Nickname", required=False)
    news = forms.BooleanField(label="Send me the newsletter", required=False)


def labels(html: str) -> dict[str, str]:
    """Each label's words, keyed by the id of the field it names."""
    soup = BeautifulSoup(html, "html.parser")
    return {label["for"]: " ".join(label.get_text().split()) for label in soup.find_all("label")}


def render_fields(form: forms.Form) -> str:
    return "".join(
        render_to_string("account/includes/field.html", {"field": field}) for field in form
    )


def test_an_optional_field_says_so_and_a_required_one_does_not():
    shown = labels(render_fields(Details()))

    assert shown["id_name"] == "Your name"
    assert shown["id_nickname"] == "Nickname (optional)"
    # A checkbox is a choice, not a question to answer: nothing to mark.
    assert shown["id_news"] == "Send me the newsletter"


def test_sign_up_asks_only_required_questions():
    shown = labels(render_fields(SignupForm()))

    assert shown and not [label for label in shown.values() if "(optional)" in label]


@pytest.mark.django_db
def test_the_profile_marks_the_job_title_optional_once(client):
    client.force_login(build_user())

    shown = labels(client.get(reverse("account_profile")).text)

    assert shown["id_job_title"] == "Job title (optional)"
    assert shown["id_organisation"] == "Organisation"
    assert [name for name, field in ProfileForm().fields.items() if not field.required] == [
        "job_title"
    ]
