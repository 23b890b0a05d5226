"""The sitemap lists every published page, so search engines find the categories."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from awards.tests.builders import build_category, load_demo_site

pytestmark = pytest.mark.django_db


def test_sitemap_lists_every_published_demo_page(client):
    load_demo_site()

    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    for path in [
        "/",
        "/hsj-awards-2024/",
        "/hsj-awards-2024/performance-recovery-award/",
        "/hsj-partnership-awards-2024/",
        "/hsj-partnership-awards-2024/best-community-services-partnership/",
        "/how-to-enter/",
    ]:
        assert f"<loc>http://localhost{path}</loc>" in body
    assert body.count("<loc>") == Page.objects.live().filter(depth__gte=2).count()


def test_sitemap_leaves_out_unpublished_pages(client):
    draft = build_category(title="Draft Award", slug="draft-award")
    draft.unpublish()

    body = client.get(reverse("sitemap")).content.decode()
    assert "draft-award" not in body
    assert "/test-awards-2024/</loc>" in body
