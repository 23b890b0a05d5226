"""Who else is writing an entry right now: "Priya is editing Delivery".

Each save names the section the person is in; the reply, and a light poll
while the page is open, say who else saved into the entry in the last
minute and where. It is a hint, kept in the cache (shared between servers
through Redis), never in the database: losing it loses nothing.
"""

from __future__ import annotations

import time

from django.core.cache import cache

from .models import Entry

RECENT_SECONDS = 60


def _key(entry_id: int) -> str:
    return f"entry-presence:{entry_id}"


def _section_heading(entry: Entry, anchor: str) -> str:
    for section in entry.form.definition.sections:
        if section.anchor == anchor:
            return section.heading
    return ""


def note_editing(entry: Entry, user, anchor: str) -> list[dict[str, str]]:
    """Record that ``user`` is writing in the section ``anchor``; who else is, and where."""
    now = time.time()
    people = _recent(cache.get(_key(entry.pk)) or {}, now)
    people[str(user.pk)] = {
        "name": user.get_full_name() or user.get_username(),
        "section": _section_heading(entry, anchor[:80]),
        "at": now,
    }
    cache.set(_key(entry.pk), people, RECENT_SECONDS * 2)
    return _others(people, user.pk)


def others_editing(entry: Entry, user) -> list[dict[str, str]]:
    """Who other than ``user`` saved into the entry in the last minute, and where."""
    return _others(_recent(cache.get(_key(entry.pk)) or {}, time.time()), user.pk)


def _recent(people: dict, now: float) -> dict:
    return {uid: seen for uid, seen in people.items() if now - seen["at"] < RECENT_SECONDS}


def _others(people: dict, user_id: int) -> list[dict[str, str]]:
    return [
        {"name": seen["name"], "section": seen["section"]}
        for uid, seen in sorted(people.items(), key=lambda item: item[1]["name"])
        if uid != str(user_id)
    ]


def editing_sentence(editing: list[dict[str, str]]) -> str:
    """ "Priya Shah is editing Delivery." for the status line; "" when nobody else is."""
    parts = [
        f"{person['name']} is editing {person['section']}"
        if person["section"]
        else f"{person['name']} is editing this entry"
        for person in editing
    ]
    return ". ".join(parts) + "." if parts else ""
