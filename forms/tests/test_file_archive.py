"""The category archive: every member is a plain path inside its entry's folder."""

import io
import unicodedata
import zipfile

from django.urls import reverse

from forms.models import EntryFile
from forms.tests.builders import build_entry, build_entry_file

PDF = b"%PDF-1.4 archived\n%%EOF\n"


def add_file(entry, *, key: str = "evidence", name: str = "evidence.pdf") -> EntryFile:
    return build_entry_file(entry, PDF, key=key, name=name)


HOSTILE_KEYS = ["../x", "/etc", "..", "a/../../b", "c\\..\\d", "e\x1bf", "."]
HOSTILE_NAMES = [
    "../../etc/passwd",
    "/abs/path.pdf",
    "..",
    "dir\\..\\..\\win.ini",
    "line\r\nbreak.pdf",
    "bell\x07\x7fbyte.pdf",
    "rtl\u202egpj.exe",
    "",
    ".hidden",
]


def is_safe_part(part: str) -> bool:
    return (
        part not in ("", ".", "..")
        and not part.startswith(".")
        and "\\" not in part
        and not any(unicodedata.category(ch).startswith("C") for ch in part)
    )


def test_archive_members_stay_in_their_entrys_folder_whatever_was_stored(
    client, entries_manager, entrant, other_entrant, category
):
    plain = build_entry(entrant, category, reference="PRA-2026-0001")
    add_file(plain, name="Our evidence.pdf")
    hostile = build_entry(other_entrant, category, reference="../../../tmp/evil")
    for n, (key, name) in enumerate(zip(HOSTILE_KEYS * 2, HOSTILE_NAMES, strict=False)):
        add_file(hostile, key=key, name=name or f"blank-{n}")
    add_file(hostile, key="../x", name="")  # nothing left of either once made safe
    draft = build_entry(other_entrant, category)
    EntryFile.objects.filter(pk=add_file(draft).pk).update(original_name="../../boot.ini")

    client.force_login(entries_manager)
    response = client.get(reverse("entries_admin_archive", args=[category.pk]))
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as zipped:
        names = zipped.namelist()
        contents = [zipped.read(n) for n in names]

    assert len(names) == len(HOSTILE_NAMES) + 3 == len(set(names))
    assert contents == [PDF] * len(names)
    for name in names:
        parts = name.split("/")
        assert len(parts) == 2, name
        assert all(is_safe_part(p) for p in parts), name
    folders = {name.split("/")[0] for name in names}
    assert "PRA-2026-0001/evidence-Our evidence.pdf" in names
    assert f"draft-{draft.public_id[:8]}" in folders
    assert len(folders) == 3


def test_a_drafts_folder_is_named_by_its_id_whatever_characters_it_has(entrant, category):
    # Public ids are URL-safe base64: "_" and "-" are theirs, first or last of the 8.
    from forms.file_archive import archive_name

    for public_id in ("abcdefg_rest-of-id", "_bcdefgh-rest", "abcdefg-rest", "-bcdefg_rest"):
        draft = build_entry(entrant, category, public_id=public_id)
        upload = add_file(draft)
        assert archive_name(upload).startswith(f"draft-{public_id[:8]}/"), public_id
        upload.delete()
        draft.delete()
