"""The control of a file question: the file already uploaded, a box to remove it, and the picker.

Part of drawing an entry form's questions (forms/question_html.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html

from .question_field import Field
from .uploads import CONTENT_TYPES, describe_types


def accept_attr(types: Iterable[str]) -> str:
    types = list(types)
    return ",".join(
        [f".{t}" for t in types] + [CONTENT_TYPES[t] for t in types if t in CONTENT_TYPES]
    )


def file_upload(f: Field) -> str:
    q, file, parts = f.q, f.file, []
    if file:
        parts.append(
            format_html(
                '<div class="uploaded-file">\n<p>Uploaded: <a href="{}">{}</a>'
                ' <span class="uploaded-file__size">({})</span></p>\n'
                '<div class="checkboxes__item"><input class="checkboxes__input" id="{}-remove"'
                ' name="remove_file" type="checkbox" value="{}">'
                ' <label class="checkboxes__label" for="{}-remove">'
                "Remove this file when I save</label></div>\n</div>",
                reverse("entry_file", args=[f.entry.public_id, file.public_id]),
                file.original_name,
                filesizeformat(file.size),
                f.fid,
                file.public_id,
                f.fid,
            )
        )
    parts.append(
        format_html(
            '<label class="label label--small" for="{}">{}</label>\n'
            '<p class="hint" id="{}-types">{}, up to {} MB.</p>\n'
            '<input class="file-upload" id="{}" name="{}" type="file"'
            ' accept="{}" aria-describedby="{}-types">',
            f.fid,
            "Replace it with another file" if file else "Choose a file",
            f.fid,
            describe_types(q.file_types),
            q.max_size_mb,
            f.fid,
            f.name,
            accept_attr(q.file_types),
            f.fid,
        )
    )
    return "\n".join(parts)
