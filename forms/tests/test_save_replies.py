"""What a save answers: section states and redrawn files after a save, both texts after a conflict."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def autosave(client, entry, version, **fields):
    return client.post(
        reverse("entry_save", args=[entry.public_id]),
        {"version": version, "action": "autosave", **fields},
        HTTP_ACCEPT="application/json",
    )


def test_a_saves_reply_carries_every_sections_state(signed_in, draft):
    body = autosave(
        signed_in, draft, 1, organisation_name="Northshire NHS Trust", context="Half done"
    ).json()
    assert body["progress"]["summary"] == "2 of 3 sections completed."
    states = {s["anchor"]: (s["state"], s["label"]) for s in body["progress"]["sections"]}
    assert list(states.values()) == [
        ("in_progress", "In progress"),
        ("completed", "Completed"),
        ("completed", "Completed"),
    ]
    assert body["files"] == {}


def test_an_upload_reply_redraws_the_file_question_with_the_new_file(signed_in, draft):
    upload = SimpleUploadedFile("evidence.pdf", PDF, content_type="application/pdf")
    body = autosave(signed_in, draft, 1, evidence=upload, writer="page-one-4f2a9c.1").json()
    assert body["ok"] is True
    html = body["files"]["q-evidence-group"]
    assert 'id="q-evidence-group"' in html
    assert "evidence.pdf" in html
    assert "Replace it with another file" in html
    assert draft.files.get().original_name == "evidence.pdf"


def test_a_conflicts_reply_names_each_differing_answer_with_both_texts(signed_in, draft):
    autosave(signed_in, draft, 1, context="From the laptop", notes="Same", writer="laptop-page1.1")
    response = autosave(
        signed_in, draft, 1, context="From the phone", notes="Same", writer="phone-page-1.1"
    )
    assert response.status_code == 409
    assert response.json()["differences"] == [
        {
            "key": "context",
            "label": "Describe the context",
            "yours": "From the phone",
            "saved": "From the laptop",
            "by": "",  # her own other device: no name
            "version": 2,
            "value": "From the laptop",
        }
    ]


def test_without_javascript_the_conflict_page_shows_both_texts(signed_in, draft):
    autosave(signed_in, draft, 1, context="From the laptop", writer="laptop-page1.1")
    response = signed_in.post(
        reverse("entry_save", args=[draft.public_id]),
        {"version": 1, "action": "save", "context": "From the phone"},
    )
    assert response.status_code == 409
    text = response.text
    assert "1 answer is different" in text
    assert "Saved in the other tab or device" in text
    assert "From the laptop" in text
    assert "From the phone" in text
