"""Routes remembered per content version: the same page, through the same Wagtail hooks,
in fewer queries; never a page that is no longer live."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.models import PageViewRestriction

from awards.tests.builders import build_category, build_home, build_programme
from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return build_category(build_programme(build_home()))


@pytest.fixture
def signed_in(client):
    client.force_login(build_user())
    return client


def queries(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured)


def test_a_remembered_route_serves_the_same_page_in_fewer_queries(signed_in, category):
    first_status, first = queries(signed_in, category.url)
    second_status, second = queries(signed_in, category.url)
    assert first_status == second_status == 200
    assert second < first
    assert "Performance Recovery Award" in signed_in.get(category.url).content.decode()


def test_a_remembered_route_still_runs_wagtails_hooks(signed_in, category):
    signed_in.get(category.url)  # the route is now remembered

    def refuse(page, request, args, kwargs):
        return HttpResponse("Held by a hook", status=403)

    with hooks.register_temporarily("before_serve_page", refuse):
        response = signed_in.get(category.url)
    assert response.status_code == 403
    assert response.content == b"Held by a hook"


def test_a_view_restriction_applies_on_a_remembered_route(client, category):
    PageViewRestriction.objects.create(page=category, restriction_type="login")
    for _ in range(2):  # found by Wagtail, then remembered
        response = client.get(category.url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_an_unpublished_page_is_not_served_from_a_remembered_route(signed_in, category):
    signed_in.get(category.url)
    category.unpublish()
    assert signed_in.get(category.url).status_code == 404


def test_each_request_gets_its_own_page_object(category):
    from publishing.routing import load_live

    first = load_live(category.content_type_id, category.pk)
    first.title = "Changed by one request"
    first.criteria[0].value["heading"] = "Changed nested state"
    second = load_live(category.content_type_id, category.pk)
    assert second is not first
    assert second.title == "Performance Recovery Award"
    assert second.criteria[0].value["heading"] == "Section 1"
