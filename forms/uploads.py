"""Checking an uploaded file by what it contains, not only by its name."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile

from .definitions import Question
from .exceptions import FileRejected

OFFICE_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
}
EXTENSIONS = {"jpeg": "jpg"}
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
MAX_NAME_CHARS = 120
FILE_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")  # what forms.models.new_public_id makes


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    content_type: str
    safe_name: str


def detect_kind(upload: UploadedFile) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    return None


def _office_kind(upload: UploadedFile) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if total > MAX_UNZIPPED_BYTES or total / packed > MAX_ZIP_RATIO:
                raise FileRejected(
                    "The file looks like a compressed archive that expands to a huge size, "
                    "so we cannot accept it."
                )
            names = {info.filename for info in infos}
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for kind, folder in OFFICE_FOLDERS.items():
        if any(name.startswith(folder) for name in names):
            return kind
    return None


def safe_display_name(name: str) -> str:
    """The entrant's file name for display only: no path, no control characters, at
    most MAX_NAME_CHARS long. A long name is shortened before its extension, which
    the type check reads."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    name = name.strip(" .")
    stem, dot, extension = name.rpartition(".")
    if len(name) > MAX_NAME_CHARS and dot and stem and 0 < len(extension) <= 10:
        # The stem starts with neither space nor dot, so some of it is always left.
        name = f"{stem[: MAX_NAME_CHARS - len(extension) - 1].rstrip(' .')}.{extension}"
    return name[:MAX_NAME_CHARS] or "file"


def file_ids(values: list[str]) -> list[str]:
    """The posted ids of files to remove that could be ids at all: anything else (a NUL,
    which PostgreSQL refuses in a query) names no file, so it is left out."""
    return [value for value in values if FILE_ID.fullmatch(value)]


def describe_types(types) -> str:
    """“PDF or DOCX”, as a person would say it."""
    names = [t.upper() for t in types]
    if len(names) > 1:
        return ", ".join(names[:-1]) + " or " + names[-1]
    return names[0] if names else "any"


def check_upload(question: Question, upload: UploadedFile) -> CheckedFile:
    allowed = describe_types(question.file_types)
    if upload.size == 0:
        raise FileRejected(f"The file for “{question.label}” is empty.")
    if upload.size > question.max_size_mb * 1024 * 1024:
        raise FileRejected(
            f"The file for “{question.label}” must be smaller than {question.max_size_mb} MB."
        )
    name = safe_display_name(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = EXTENSIONS.get(extension, extension)
    kind = detect_kind(upload)
    if kind is None or kind not in question.file_types or extension != kind:
        raise FileRejected(
            f"The file for “{question.label}” must be a {allowed} file. "
            f"“{name}” is not one, or its contents do not match its name."
        )
    return CheckedFile(kind=kind, content_type=CONTENT_TYPES[kind], safe_name=name)
