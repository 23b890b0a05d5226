"""The server killed mid-save, again and again: every acknowledged save is there, whole."""

import random
import threading

import pytest
import requests
from django.urls import reverse

from forms import services
from forms.models import Entry

from .http import Entrant
from .processes import Server

pytestmark = pytest.mark.django_db(transaction=True)

KILLS = 5
FILLER = "evidence " * 2000  # ~18 KB per save, so a kill can land mid-write


def text_for(seq: int) -> str:
    return f"save {seq} begins. {FILLER}save {seq} ends."


def test_sigkill_during_saves_loses_no_acknowledged_save(open_category, entrant):
    entry = services.start_entry(user=entrant, page=open_category)
    server = Server().start()
    client = Entrant(
        entrant, server.url, open_category.url, reverse("entry_save", args=[entry.public_id])
    )
    client.load()
    acknowledged: dict[int, int] = {}  # version -> seq
    sent: set[int] = set()
    seq = 0
    rng = random.Random(7)
    try:
        for _ in range(KILLS):
            killer = threading.Timer(rng.uniform(0.3, 1.2), server.kill)
            killer.start()
            while True:
                seq += 1
                sent.add(seq)
                try:
                    response = client.save({"context": text_for(seq)}, timeout=5)
                except requests.RequestException:
                    break  # the server died under us
                assert response.status_code == 200, response.text[:200]
                acknowledged[client.version] = seq
            killer.join()
            server = Server(database_url=server.database_url).start()
            client.load(server.url)  # after a reload the page shows the newest saved version
    finally:
        server.stop()

    entry.refresh_from_db()
    last_acked_version = max(acknowledged)
    assert len(acknowledged) >= KILLS
    assert entry.version >= last_acked_version
    saved_seq = int(entry.answers["context"].split()[1])
    assert saved_seq in sent
    assert entry.answers["context"] == text_for(saved_seq), "the stored answer is whole"
    if entry.version == last_acked_version:
        assert saved_seq == acknowledged[last_acked_version]
    else:  # a save committed whose reply was lost in the kill: it is a later one, also whole
        assert saved_seq > acknowledged[last_acked_version]
    assert Entry.objects.get(pk=entry.pk).status == "draft"
