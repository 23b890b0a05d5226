"""Another app's panel on the entry page (forms.entry_extras), without forms importing it."""

import pytest
from django.urls import reverse
from django.utils.html import format_html

from forms import entry_extras

pytestmark = pytest.mark.django_db


@pytest.fixture
def panels(monkeypatch):
    """An empty registry for the test, the real one back afterwards."""
    registered = []
    monkeypatch.setattr(entry_extras, "_panels", registered)
    return registered


def test_a_registered_panel_shows_on_the_entry_page_and_plain_text_is_escaped(
    signed_in, draft, panels
):
    entry_extras.register_entry_panel(
        lambda request, entry: format_html("<section id='extra'>For {}</section>", entry.pk)
    )
    entry_extras.register_entry_panel(lambda request, entry: "<script>alert(1)</script>")
    entry_extras.register_entry_panel(lambda request, entry: "")  # nothing to show

    page = signed_in.get(reverse("entry_detail", args=[draft.public_id])).content.decode()
    assert f"<section id='extra'>For {draft.pk}</section>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_registering_twice_shows_a_panel_once(panels):
    def panel(request, entry):
        return "once"

    entry_extras.register_entry_panel(panel)
    entry_extras.register_entry_panel(panel)
    assert entry_extras.entry_panels(None, None) == ["once"]
