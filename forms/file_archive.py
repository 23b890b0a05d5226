"""All the files of a set of entries as one ZIP, streamed as it is written."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from .models import EntryFile

READ_CHUNK = 64 * 1024


class _Pipe:
    """A write-only file whose contents are handed on and forgotten."""

    def __init__(self):
        self.chunks: list[bytes] = []
        self.position = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        pass

    def drain(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


# Anything but letters, digits, "_", "-", "." and spaces: path separators, control and
# format characters (line breaks, NUL, right-to-left overrides), quotes, colons.
UNSAFE = re.compile(r"[^\w.\- ]+")
NAME_MAX_LENGTH = 120
NOT_ID = re.compile(r"[^A-Za-z0-9_-]")


def safe_part(text: str, fallback: str) -> str:
    """``text`` as one path component that stays where it is put: never "..", never a
    folder, never hidden, never empty (``fallback`` instead); the extension is kept."""
    cleaned = UNSAFE.sub("_", unicodedata.normalize("NFC", text or ""))
    cleaned = re.sub(r"\.{2,}", ".", cleaned).strip("._ ")
    if len(cleaned) > NAME_MAX_LENGTH:
        stem, dot, extension = cleaned.rpartition(".")
        if dot and len(extension) <= 10:
            stem = stem[: NAME_MAX_LENGTH - len(extension) - 1].rstrip("._ ")
            cleaned = f"{stem}.{extension}" if stem else ""
        else:
            cleaned = cleaned[:NAME_MAX_LENGTH].rstrip("._ ")
    return cleaned or fallback


def archive_name(upload: EntryFile) -> str:
    """``folder/key-name``: one folder per entry, each part made safe (see safe_part),
    since the stored reference, question key and original name are not trusted here."""
    entry = upload.entry
    # A public id is URL-safe base64: "_" and "-" are its own, kept even at the ends
    # (safe_part would trim a "_", and the folder would not match the id).
    draft = NOT_ID.sub("", entry.public_id[:8]) or "entry"
    folder = safe_part(entry.reference or "", f"draft-{draft}")
    key = safe_part(upload.question_key, "file")
    name = safe_part(upload.original_name, f"file-{upload.pk}")
    return f"{folder}/{key}-{name}"


def _unique(name: str, taken: set[str], pk: int) -> str:
    """``name``, or with the file's id before its extension if an earlier file had it."""
    if name in taken:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem}-{pk}.{extension}" if dot and "/" not in extension else f"{name}-{pk}"
    taken.add(name)
    return name


def zip_stream(files: QuerySet[EntryFile]) -> Iterator[bytes]:
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_STORED) as archive:
        # Only the entry fields archive_name reads: not each entry's answers and snapshot.
        uploads = (
            files.select_related("entry")
            .only("file", "question_key", "original_name", "entry__reference", "entry__public_id")
            .order_by("entry_id", "pk")
            .iterator(chunk_size=200)
        )
        taken: set[str] = set()
        for upload in uploads:
            name = _unique(archive_name(upload), taken, upload.pk)
            with upload.file.open("rb") as source, archive.open(name, "w") as target:
                while chunk := source.read(READ_CHUNK):
                    target.write(chunk)
                    yield pipe.drain()
            yield pipe.drain()
    yield pipe.drain()


def zip_response(files: QuerySet[EntryFile], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(zip_stream(files), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.zip")
    response["Cache-Control"] = "no-store, private"
    return response
