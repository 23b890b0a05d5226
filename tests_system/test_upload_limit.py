"""A 60 MB save to a real gunicorn is refused before its body is sent (issue 13, item 5).

The client sends the headers and the first 256 KB of a multipart save that says it
is 60 MB long, then waits: the site must answer 413 from the header alone. Before,
the CSRF check parsed the whole form, so the server waited for all 60 MB.
"""

import json
import socket
import time

import pytest
from django.conf import settings
from django.urls import reverse

from forms import services
from forms.models import Entry

from .http import signed_in_session
from .processes import Server
from .test_varnish import Varnish

pytestmark = pytest.mark.django_db(transaction=True)

CLAIMED = 60 * 1024 * 1024
SENT = 256 * 1024
BOUNDARY = "----upload-limit-test"
CSRF = "a" * 32  # an unmasked secret: the cookie and the form field agree


def raw_save(port: int, path: str, cookie: str) -> tuple[bytes, int]:
    """POST the start of a 60 MB multipart body; the response, and how much was sent."""
    head = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        f"Cookie: {cookie}\r\n"
        "Accept: application/json\r\n"
        f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        f"Content-Length: {CLAIMED}\r\n"
        "\r\n"
        # First the form's CSRF token, as the autosave's FormData sends it.
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{CSRF}\r\n"
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="evidence"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + b"0" * SENT)
        sock.settimeout(10)  # before, gunicorn waited here for the other 59.7 MB
        received = b""
        started = time.monotonic()
        while b"\r\n\r\n" not in received or not received.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
            if time.monotonic() - started > 10:
                break
        return received, len(head) + SENT


def test_a_60_mb_save_is_refused_from_its_headers_without_reading_the_body(open_category, entrant):
    entry = services.start_entry(user=entrant, page=open_category)
    session = signed_in_session(entrant)
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={session.cookies[settings.SESSION_COOKIE_NAME]}; "
        f"{settings.CSRF_COOKIE_NAME}={CSRF}"
    )
    server = Server(workers=1).start()
    try:
        started = time.monotonic()
        response, sent = raw_save(
            server.port, reverse("entry_save", args=[entry.public_id]), cookie
        )
        elapsed = time.monotonic() - started
    finally:
        server.stop()

    assert_refused(response)
    assert sent < CLAIMED // 100 and elapsed < 2
    assert Entry.objects.get(pk=entry.pk).version == entry.version


def assert_refused(response: bytes) -> None:
    status_line, _, rest = response.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413"), response[:300]
    body = json.loads(rest.split(b"\r\n\r\n", 1)[1])
    assert body["ok"] is False and "too large" in body["message"]
    assert "Nothing was saved" in body["message"]


def test_varnish_refuses_a_body_larger_than_any_save_before_passing_it_on(
    open_category, entrant, tmp_path
):
    entry = services.start_entry(user=entrant, page=open_category)
    server = Server(workers=1).start()
    varnish = Varnish(server.port, tmp_path / "varnish").start()
    try:
        started = time.monotonic()
        response, _ = raw_save(varnish.port, reverse("entry_save", args=[entry.public_id]), "")
        elapsed = time.monotonic() - started
    finally:
        varnish.stop()
        server.stop()
    assert_refused(response)
    assert b"Server: Varnish" in response and elapsed < 2  # Varnish's own answer, at once
