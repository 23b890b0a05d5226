"""Two app servers, one PostgreSQL (or SQLite file) and one Redis: nothing lives in a server.

An entrant signs in and saves on one server and carries on on the other; a
stale save on one is refused after a save on the other; a file uploaded
through one downloads through the other; a page published through one is
what anonymous visitors get from the other.
"""

import pytest
import redis
from django.test import override_settings
from django.urls import reverse

from forms import services
from forms.models import Entry

from .http import Entrant
from .processes import Server, redis_url

pytestmark = pytest.mark.django_db(transaction=True)
REDIS_URL = redis_url(15)
PDF = b"%PDF-1.4\nshared\n%%EOF\n"


@pytest.fixture
def two_servers(tmp_path):
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        "REDIS_URL": REDIS_URL,
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }
    first = Server(env=env).start()
    second = Server(database_url=first.database_url, env=env).start()
    # This process stands for an editor's request on a third server: it shares the cache too,
    # so its publish forgets the cached pages on both.
    with override_settings(
        CACHES={"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}}
    ):
        yield first, second
    first.stop()
    second.stop()
    redis.Redis.from_url(REDIS_URL).flushdb()


def test_an_entrant_moves_between_servers_and_nothing_is_lost(two_servers, open_category, entrant):
    first, second = two_servers
    entry = services.start_entry(user=entrant, page=open_category)
    save_url = reverse("entry_save", args=[entry.public_id])

    laptop = Entrant(entrant, first.url, open_category.url, save_url)
    laptop.load()
    assert laptop.save({"context": "Started on server one"}).status_code == 200

    phone = Entrant(entrant, second.url, open_category.url, save_url)
    phone.load()
    page = phone.http.get(second.url + open_category.url, timeout=10)
    assert "Started on server one</textarea>" in page.text
    assert phone.save({"context": "Carried on on server two"}).status_code == 200

    stale = laptop.save({"context": "Old tab on server one"})
    assert stale.status_code == 409
    assert stale.json()["conflict"] is True
    assert Entry.objects.get(pk=entry.pk).answers["context"] == "Carried on on server two"


def test_a_file_uploaded_through_one_server_downloads_through_the_other(
    two_servers, open_category, entrant
):
    first, second = two_servers
    entry = services.start_entry(user=entrant, page=open_category)
    client = Entrant(
        entrant, first.url, open_category.url, reverse("entry_save", args=[entry.public_id])
    )
    client.load()
    response = client.http.post(
        first.url + client.save_url,
        data={"version": client.version},
        files={"evidence": ("evidence.pdf", PDF, "application/pdf")},
        headers={
            "Accept": "application/json",
            "X-CSRFToken": client.csrf,
            "Referer": first.url + open_category.url,
        },
        timeout=10,
    )
    assert response.status_code == 200, response.text[:300]
    stored = Entry.objects.get(pk=entry.pk).files.get()
    download = client.http.get(
        second.url + reverse("entry_file", args=[entry.public_id, stored.public_id]), timeout=10
    )
    assert download.status_code == 200
    assert download.content == PDF


def test_a_publish_through_one_server_is_what_visitors_see_on_the_other(two_servers, open_category):
    import requests

    first, second = two_servers
    assert (
        "Performance Recovery Award"
        in requests.get(second.url + open_category.url, timeout=10).text
    )
    assert (
        "Performance Recovery Award" in requests.get(first.url + open_category.url, timeout=10).text
    )

    open_category.title = "Performance Recovery Award 2027"
    open_category.save_revision().publish()  # as an editor's publish on server one does

    for server in (second, first):
        page = requests.get(server.url + open_category.url, timeout=10)
        assert "Performance Recovery Award 2027" in page.text
        assert page.headers["X-Page-Cache"] == "miss"  # the cached copy was forgotten
        again = requests.get(server.url + open_category.url, timeout=10)
        assert again.headers["X-Page-Cache"] == "hit"  # and the new one is shared


def test_redis_is_the_cache_the_servers_share(two_servers, open_category):
    import requests

    first, second = two_servers
    assert requests.get(first.url + open_category.url, timeout=10).status_code == 200
    assert requests.get(second.url + open_category.url, timeout=10).status_code == 200
    keys = redis.Redis.from_url(REDIS_URL).keys("*wagtail_site_root_paths*")
    assert keys, "Wagtail's site cache lives in the shared Redis"
