"""All the files of a set of entries as one ZIP, streamed as it is written."""

from __future__ import annotations

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


def archive_name(upload: EntryFile) -> str:
    entry = upload.entry
    folder = entry.reference or f"draft-{entry.public_id[:8]}"
    return f"{folder}/{upload.question_key}-{upload.original_name}"


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
        for upload in uploads:
            with (
                upload.file.open("rb") as source,
                archive.open(archive_name(upload), "w") as target,
            ):
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
