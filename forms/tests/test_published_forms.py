"""Entrants only ever get a published entry form (issue #11)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards.tests.builders import build_category, build_home, build_programme
from forms.models import Entry, EntryForm
from forms.tests.builders import build_entry_form, build_user, default_sections, question, section
from publishing.content_version import content_version

pytestmark = pytest.mark.django_db


def never_published_form() -> EntryForm:
    form = EntryForm(title="Embargoed form", sections=default_sections(), live=False)
    form.save()
    return form


def test_a_never_published_form_never_reaches_an_entrant(client):
    form = never_published_form()
    category = build_category(build_programme(build_home()))
    # Set behind the chooser's back, as an old row or a forged POST could.
    type(category).objects.filter(pk=category.pk).update(entry_form=form)
    client.force_login(build_user())

    page = client.get(category.url)
    assert page.status_code == 200
    assert "Start your entry" not in page.content.decode()

    started = client.post(reverse("entry_start", args=[category.pk]))
    assert started.status_code in (302, 400, 409)
    assert not Entry.objects.exists()


def test_a_category_cannot_pick_a_form_that_was_never_published():
    form = never_published_form()
    category = build_category(build_programme(build_home()))
    category.entry_form = form
    with pytest.raises(ValidationError) as error:
        category.full_clean()
    assert "published" in str(error.value)


def test_a_draft_of_a_live_form_changes_nothing_entrants_see(client):
    form = build_entry_form()
    category = build_category(build_programme(build_home()), entry_form=form)
    version = content_version()
    draft = form.get_latest_revision_as_object() if form.latest_revision_id else form
    draft.sections = [section("Draft only", question("short_text", "draft_only", "Draft question"))]
    draft.save_revision()
    assert content_version() == version

    client.force_login(build_user())
    client.post(reverse("entry_start", args=[category.pk]))
    shown = client.get(category.url).content.decode()
    assert "Draft question" not in shown
