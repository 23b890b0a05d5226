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

from .conflicts import differing_answers, names_of
from .exceptions import StaleDraft
from .merging import version_of
from .models import Entry
from .presence import editing_sentence
from .question_html import questions_html
from .selectors import EntryView
from .services import SaveResult


def saved_time(moment: datetime) -> str:
    """ "2:32pm", in UK time: the status line says "Saved at 2:32pm"."""
    return uk_time(moment)


def progress_reply(view: EntryView) -> dict:
    total = view.applicable_sections
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


def saved_reply(view: EntryView, *, result: SaveResult, editing: list[dict[str, str]]):
    """A save went through. ``versions`` are the versions of the texts the page now holds;
    ``others`` are answers someone else changed meanwhile, for the page to show."""
    entry = view.entry
    names = names_of((entry.answer_meta.get(key) or {}).get("u") for key in result.others)
    return JsonResponse(
        {
            "ok": True,
            "version": entry.version,
            "saved_at": saved_time(entry.updated_at),
            "rejected_files": result.rejected_files,
            "progress": progress_reply(view),
            "files": file_questions_html(view) if result.files_changed else {},
            "versions": result.versions,
            "others": {
                key: {
                    "value": entry.answers.get(key),
                    "version": version_of(entry.answer_meta, key),
                    "by": names.get((entry.answer_meta.get(key) or {}).get("u"), ""),
                }
                for key in result.others
            },
            "editing": editing,
            "editing_sentence": editing_sentence(editing),
        }
    )


def conflict_reply(entry: Entry, error: StaleDraft, answers: dict, viewer_id: int | None = None):
    """Nothing was saved: the answers both people changed, with both texts and who wrote
    the other one. A refusal of the whole entry (no answers named) lists every difference."""
    current = error.current
    posted = answers if error.conflicts is None else {k: answers[k] for k in error.conflicts}
    differences = differing_answers(
        entry.form.definition,
        posted,
        current.answers,
        meta=current.answer_meta,
        viewer_id=viewer_id,
    )
    people = sorted({d.by for d in differences if d.by})
    return JsonResponse(
        {
            "ok": False,
            "conflict": True,
            "message": error.message,
            "current_version": current.version,
            "saved_at": saved_time(current.updated_at),
            "by": people,
            "differences": [
                {
                    "key": d.key,
                    "label": d.label,
                    "yours": d.yours,
                    "saved": d.saved,
                    "by": d.by,
                    "version": d.version,
                    "value": current.answers.get(d.key),
                }
                for d in differences
            ],
        },
        status=409,
    )
