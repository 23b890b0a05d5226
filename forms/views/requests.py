"""Reading what an entry page sends: the version it showed, each answer's base, JSON or not."""

from __future__ import annotations

import json

from ..exceptions import InvalidAnswers
from ..models import Entry
from ..team import work_address

MAX_BASES = 500

UNREADABLE = (
    "We could not tell which version of your entry this page was showing. "
    "Reload the page and try again: your saved answers are safe."
)


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def page_url(entry: Entry, anchor: str = "entry") -> str:
    return work_address(entry, anchor)


def base_version(request) -> int:
    raw = request.POST.get("version", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise InvalidAnswers(UNREADABLE)
    return int(raw)


def answer_bases(request) -> dict[str, int]:
    """Per answer, the version of the text the page holds (the page's ``bases`` field).

    Absent for a page drawn before answers had versions: the entry's version
    then stands in for every answer (forms.merging).
    """
    raw = request.POST.get("bases", "")
    if not raw:
        return {}
    try:
        bases = json.loads(raw)
    except ValueError:
        raise InvalidAnswers(UNREADABLE) from None
    if not isinstance(bases, dict) or len(bases) > MAX_BASES:
        raise InvalidAnswers(UNREADABLE)
    for key, version in bases.items():
        if len(key) > 64 or type(version) is not int or not 0 <= version < 10**9:
            raise InvalidAnswers(UNREADABLE)
    return bases
