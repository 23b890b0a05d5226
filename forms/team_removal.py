"""A save from someone the owner removed from the team while they were typing.

Their text is not saved into the entry, and not dropped either: the reply
shows it back to them, answer by answer, so they can copy it or send it to
the owner.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

from .answers import answer_text, read_answers
from .models import Entry, EntryEvent

REMOVED_MESSAGE = (
    "Not saved: you are no longer on the team for this entry, so your changes could not be "
    "saved. Your text is shown below so that you can copy it."
)


def was_removed(user, public_id: str) -> bool:
    """Whether ``user`` was once on this entry's team and has been taken off it."""
    if not user.is_authenticated:
        return False
    return EntryEvent.objects.filter(
        entry__public_id=public_id,
        action__in=[EntryEvent.Action.REMOVED, EntryEvent.Action.LEFT],
        details__user_id=user.pk,
    ).exists()


def removed_reply(request, public_id: str, *, json: bool):
    entry = Entry.objects.select_related("form").get(public_id=public_id)
    posted = read_answers(entry.form.definition, request.POST)
    yours = [
        {"label": question.label, "text": answer_text(posted[question.key])}
        for question in entry.form.definition.questions.values()
        if question.key in posted and answer_text(posted[question.key])
    ]
    if json:
        return JsonResponse(
            {"ok": False, "removed": True, "message": REMOVED_MESSAGE, "yours": yours}, status=403
        )
    return render(
        request,
        "forms/removed_from_team.html",
        {"message": REMOVED_MESSAGE, "yours": yours, "page": None},
        status=403,
    )
