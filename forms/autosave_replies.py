"""What the autosave script hears back from a save: enough to show the page as it now is.

A save's reply carries the new version, when it was saved, each section's
state (so the task list never lags) and, when files changed, the file
questions drawn again. A refused save's reply says which answers differ and
carries both texts, so the entrant can choose with everything in front of them.
"""

from __future__ import annotations

from datetime import datetime

from django.http import JsonResponse

from publishing.templatetags.uk_dates import uk_time

from .conflicts import differing_answers
from .exceptions import StaleDraft
from .models import Entry
from .question_html import questions_html
from .selectors import EntryView


def saved_time(moment: datetime) -> str:
    """ "2:32pm", in UK time: the status line says "Saved at 2:32pm"."""
    return uk_time(moment)


def progress_reply(view: EntryView) -> dict:
    total = len(view.progress)
    return {
        "summary": f"{view.completed_sections} of {total} sections completed.",
        "sections": [
            {"anchor": p.section.anchor, "state": p.state, "label": p.label} for p in view.progress
        ],
    }


def file_questions_html(view: EntryView) -> dict[str, str]:
    """Each file question's form group, keyed by its element id, as the page would draw it."""
    return {
        f"{q.field_id}-group": questions_html(
            [(q, view.answers.get(q.key), view.files.get(q.key), None)],
            show_all=False,
            entry=view.entry,
        )
        for q in view.definition.questions.values()
        if q.is_file
    }


def saved_reply(view: EntryView, *, rejected_files: list[str], files_changed: bool):
    entry = view.entry
    return JsonResponse(
        {
            "ok": True,
            "version": entry.version,
            "saved_at": saved_time(entry.updated_at),
            "rejected_files": rejected_files,
            "progress": progress_reply(view),
            "files": file_questions_html(view) if files_changed else {},
        }
    )


def conflict_reply(entry: Entry, error: StaleDraft, answers: dict):
    current = error.current
    differences = differing_answers(entry.form.definition, answers, current.answers)
    return JsonResponse(
        {
            "ok": False,
            "conflict": True,
            "message": error.message,
            "current_version": current.version,
            "saved_at": saved_time(current.updated_at),
            "differences": [
                {"key": d.key, "label": d.label, "yours": d.yours, "saved": d.saved}
                for d in differences
            ],
        },
        status=409,
    )
