"""Uploaded files are checked by what they contain, not only by their names."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forms.definitions import Question
from forms.exceptions import FileRejected
from forms.uploads import check_upload, safe_display_name

QUESTION = Question(
    key="evidence", type="file", label="Evidence", file_types=("pdf", "docx"), max_size_mb=1
)


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_a_real_pdf_and_a_real_docx_are_accepted():
    assert check_upload(QUESTION, upload("a.pdf", b"%PDF-1.7\n...")).kind == "pdf"
    checked = check_upload(QUESTION, upload("Report.DOCX", docx_bytes()))
    assert checked.kind == "docx"
    assert checked.content_type.endswith("wordprocessingml.document")


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.pdf", b"", "is empty"),
        ("big.pdf", b"%PDF-" + b"0" * (1024 * 1024), "smaller than 1 MB"),
        ("script.pdf", b"#!/bin/sh\necho hi\n", "must be a PDF or DOCX file"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "must be a PDF or DOCX file"),
        (
            "image.pdf",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "must be a PDF or DOCX file",
        ),
        ("renamed.docx", b"%PDF-1.4\n", "must be a PDF or DOCX file"),
        ("plain.docx", b"PK\x03\x04not really a zip", "must be a PDF or DOCX file"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(name, data, message):
    with pytest.raises(FileRejected, match=message):
        check_upload(QUESTION, upload(name, data))


def test_a_zip_bomb_renamed_docx_is_refused():
    bomb = docx_bytes({"word/bomb.xml": b"0" * (50 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(FileRejected, match="expands to a huge size"):
        check_upload(QUESTION, upload("bomb.docx", bomb))


@pytest.mark.parametrize(
    "name, shown",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\me\\evidence.pdf", "evidence.pdf"),
        ("evil\x00name\x1b.pdf", "evilname.pdf"),
        ("<script>.pdf", "script.pdf"),
        ("...", "file"),
    ],
)
def test_file_names_lose_paths_and_control_characters(name, shown):
    assert safe_display_name(name) == shown


def test_uploads_are_stored_privately_and_never_under_a_public_url(
    client, entrant, category, settings
):
    from pathlib import Path

    from forms import services

    entry = services.start_entry(user=entrant, page=category)
    services.save_draft(
        entry=entry,
        user=entrant,
        answers={},
        base_version=1,
        uploads={"evidence": upload("../../evil name.pdf", b"%PDF-1.4\n%%EOF\n")},
    )
    stored = entry.files.get()
    path = Path(stored.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "evil" not in stored.file.name and ".." not in stored.file.name
    with pytest.raises(ValueError):
        stored.file.url  # noqa: B018 - private storage has no public URL
    assert client.get(settings.MEDIA_URL + stored.file.name).status_code == 404
