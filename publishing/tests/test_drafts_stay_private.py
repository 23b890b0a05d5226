"""Nothing an editor has not published reaches a visitor, by any cache (issue #11).

A draft save, the page editor's autosave and a preview change nothing anyone
else sees; a preview shows the editor exactly their own form, however warm
the caches are.
"""

import pytest

from awards.tests.builders import build_category, build_home, build_programme
from forms.tests.builders import build_user
from publishing.content_version import content_version

pytestmark = pytest.mark.django_db

PUBLISHED = "Performance Recovery Award"
EMBARGOED = "Shortlist: Northshire NHS Trust"


@pytest.fixture
def category():
    return build_category(build_programme(build_home()), title=PUBLISHED)


def save_draft(category, **changes):
    """What "Save draft" (or the editor's autosave) does: a revision, nothing published."""
    draft = category.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision()
    return draft


def preview(page) -> str:
    response = page.make_preview_request()
    assert response.status_code == 200
    return response.content.decode()


def signed_in_client(client):
    client.force_login(build_user())
    return client


def test_a_previewed_draft_never_reaches_anonymous_or_signed_in_visitors(client, category):
    draft = save_draft(category, title=EMBARGOED)
    assert EMBARGOED in preview(draft)

    anonymous = client.get(category.url).content.decode()
    assert PUBLISHED in anonymous
    assert EMBARGOED not in anonymous

    signed_in = signed_in_client(client).get(category.url).content.decode()
    assert PUBLISHED in signed_in
    assert EMBARGOED not in signed_in


def test_a_preview_over_warm_caches_shows_the_editors_unsaved_change(client, category):
    # Warm every cache of the published page, as visitors would, on the site's own host
    # name (the one a preview's request is made for).
    host = category.get_site().hostname
    assert client.get(category.url, HTTP_HOST=host)["X-Page-Cache"] == "miss"
    assert client.get(category.url, HTTP_HOST=host)["X-Page-Cache"] == "hit"
    signed_in_client(client).get(category.url, HTTP_HOST=host)
    draft = category.get_latest_revision_as_object()
    draft.title = EMBARGOED
    draft.criteria = [
        ("section", {"heading": "Embargoed criterion", "text": "", "points": ["Hidden"]})
    ]

    shown = preview(draft)
    assert EMBARGOED in shown
    assert "Embargoed criterion" in shown


def test_a_draft_save_leaves_every_cache_in_place(client, category):
    assert client.get(category.url)["X-Page-Cache"] == "miss"
    version = content_version()

    save_draft(category, title=EMBARGOED)

    assert content_version() == version
    response = client.get(category.url)
    assert response["X-Page-Cache"] == "hit"
    assert EMBARGOED not in response.content.decode()


def test_publishing_the_draft_shows_it_at_once(client, category):
    client.get(category.url)
    draft = save_draft(category, title=EMBARGOED)
    draft.get_latest_revision().publish()
    cache_state = client.get(category.url)
    assert cache_state["X-Page-Cache"] == "miss"
    assert EMBARGOED in cache_state.content.decode()
