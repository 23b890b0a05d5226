"""Browser features the site never uses are turned off (issue 13, item 6)."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from forms.tests.builders import build_user

pytestmark = pytest.mark.django_db

OFF = ["camera", "microphone", "geolocation", "payment", "usb"]


def features(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search/?q=award",
        "/accounts/login/",
        "/healthz",
        "/no-such-page/",
        "/static/css/forms.css",
    ],
)
def test_every_response_turns_off_camera_microphone_location_payment_and_usb(
    client, home_page, path
):
    response = client.get(path)
    policy = features(response["Permissions-Policy"])
    for feature in OFF:
        assert policy[feature] == "()", feature


def test_the_admin_and_refusals_carry_it_too(client, home_page):
    client.force_login(build_user("admin@example.org", is_staff=True, is_superuser=True))
    assert "camera=()" in client.get(reverse("wagtailadmin_home"))["Permissions-Policy"]
    assert "camera=()" in client.get("/search/?q=%00")["Permissions-Policy"]


def test_a_pages_cached_copy_carries_it(client, home_page):
    client.get("/")
    assert "camera=()" in client.get("/")["Permissions-Policy"]


def test_a_view_that_sets_its_own_policy_keeps_it():
    from site_config.browser_features import PermissionsPolicyMiddleware

    def view(request):
        response = HttpResponse()
        response["Permissions-Policy"] = "camera=(self)"
        return response

    response = PermissionsPolicyMiddleware(view)(RequestFactory().get("/"))
    assert response["Permissions-Policy"] == "camera=(self)"
