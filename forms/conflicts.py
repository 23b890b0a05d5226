"""What differs between the text a page sent and the version someone else saved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from .answers import answer_text
from .definitions import FormDefinition
from .merging import same, version_of


@dataclass(frozen=True)
class Difference:
    key: str
    label: str
    yours: str
    saved: str
    by: str = ""  # who saved the other text, when it is known
    version: int = 0  # the version of the other text: keeping yours is based on it


def names_of(user_ids) -> dict[int, str]:
    """Full names (or usernames) of the people with these ids, in one query."""
    ids = {uid for uid in user_ids if uid is not None}
    if not ids:
        return {}
    users = get_user_model().objects.filter(pk__in=ids)
    return {user.pk: user.get_full_name() or user.get_username() for user in users}


def differing_answers(
    definition: FormDefinition,
    posted: dict[str, Any],
    saved: dict[str, Any],
    meta: dict[str, dict] | None = None,
    viewer_id: int | None = None,
) -> list[Difference]:
    """The questions, in form order, whose posted answer is not the saved one. ``by`` names
    who saved the other text, unless it was the viewer (their own other tab or device)."""
    meta = meta or {}
    keys = [
        question.key
        for question in definition.questions.values()
        if question.key in posted and not same(posted[question.key], saved.get(question.key))
    ]
    names = names_of((meta.get(key) or {}).get("u") for key in keys)
    names.pop(viewer_id, None)
    return [
        Difference(
            key=key,
            label=definition.questions[key].label,
            yours=answer_text(posted[key]),
            saved=answer_text(saved.get(key)),
            by=names.get((meta.get(key) or {}).get("u"), ""),
            version=version_of(meta, key),
        )
        for key in keys
    ]
