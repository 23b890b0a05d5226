"""Saves from several people merge answer by answer.

A page holds, for each answer, the version of the text it was drawn with
(its *base*; ``Entry.answer_meta`` records the version that last changed
each answer). When a save arrives, each posted answer is one of:

- *unchanged*: it is what the entry holds already; nothing to write;
- *a change on the current text*: nobody changed that answer since the page
  got it, so it is written, whatever else happened to the entry meanwhile;
- *a later save from the page that wrote the current text* (forms.replays):
  written; an *earlier* one, overtaken on the way, is not;
- *stale*: someone else changed the answer since, and the page still shows
  the text it was drawn with (the person did not touch it): the newer text
  is kept, and the reply tells the page about it;
- *a conflict*: someone else changed the answer since, and this person
  changed it too. Nothing of the save is written; both texts are shown with
  the other person's name, and the person chooses.

Without a base for an answer (a page from before answers had versions), the
entry's version the page was drawn at stands in for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .answers import is_answered
from .replays import Order, order_of


@dataclass
class Plan:
    writes: dict[str, Any] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    # The version of the text the page now holds for each posted answer that is current.
    current: dict[str, int] = field(default_factory=dict)


def same(a: Any, b: Any) -> bool:
    """Two answers are the same when equal, or both blank (blank equals absent)."""
    if not is_answered(a) and not is_answered(b):
        return True
    return a == b


def version_of(meta: dict, key: str) -> int:
    entry = meta.get(key)
    return int(entry.get("v", 0)) if isinstance(entry, dict) else 0


def plan_save(
    *,
    saved: dict[str, Any],
    meta: dict[str, dict],
    posted: dict[str, Any],
    bases: dict[str, int],
    base_version: int,
    writer: str,
    text_at: Callable[[Iterable[tuple[str, int]]], dict[str, Any]],
) -> Plan:
    """What to write of ``posted``. ``text_at`` answers, for (key, version) pairs, each
    answer's text as it stood at that version; it is asked only about stale answers."""
    plan = Plan()
    doubtful: dict[str, int] = {}
    for key, value in posted.items():
        current_version = version_of(meta, key)
        if same(value, saved.get(key)):
            plan.current[key] = current_version
            continue
        base = bases.get(key, base_version)
        if current_version <= base:
            plan.writes[key] = value
            continue
        order = order_of(meta[key].get("w", ""), writer)
        if order is Order.NEWER:
            plan.writes[key] = value
        elif order is Order.OLDER:
            plan.stale.append(key)
        else:
            doubtful[key] = base
    if doubtful:
        earlier = text_at(doubtful.items())
        for key in doubtful:
            if key in earlier and same(posted[key], earlier[key]):
                plan.stale.append(key)
            else:
                plan.conflicts.append(key)
    return plan
