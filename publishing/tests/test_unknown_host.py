"""A request for a host the site does not serve (scanners send them all day) gets Django's
400 page in our own style, never a 500: the page's header and footer, which are looked up
by host, fall back to the default site's."""

import pytest


@pytest.fixture
def served_hosts(settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.DEBUG = False


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/contacts/", "/judging/", "/no-such-page/"])
def test_a_host_not_served_gets_a_400_page(client, served_hosts, home_page, path):
    response = client.get(path, HTTP_HOST="not-our-site.example")

    assert response.status_code == 400
    assert "Sorry, we could not read that" in response.content.decode()
