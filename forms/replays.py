"""When a save based on an older version is no conflict at all.

A page that reloads, goes offline or loses a reply sends its text again, based
on the version it last heard of. Such a save goes through when it cannot
overwrite anyone else's work:

- a replay: every answer it carries is already what the entry holds, so
  there is nothing to write;
- a late save from the same open page that wrote the current version: the
  versions since its base are all that page's own earlier saves. Each save
  names its page and a number that goes up with every save the page sends
  ("<page id>.<number>"), so a newer one writes and an older one, overtaken
  on the way, writes nothing.

Anything else based on an older version came from another tab or device that
really changed the entry, and stays a conflict (StaleDraft).
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from .answers import is_answered

WRITER = re.compile(r"(?P<page>[A-Za-z0-9_-]{8,40})\.(?P<number>[0-9]{1,9})")


class Order(Enum):
    NEWER = "newer"  # the same page's later save: write it
    OLDER = "older"  # the same page's earlier save, overtaken: nothing to write
    OTHER = "other"  # another page, or no page named: a conflict


def clean_writer(raw: str) -> str:
    """The "<page id>.<number>" a save names, or "" if it is not one this site's pages make."""
    return raw if WRITER.fullmatch(raw or "") else ""


def is_replay(saved: dict[str, Any], posted: dict[str, Any]) -> bool:
    """True when every posted answer is what ``saved`` already holds (blank equals absent)."""
    for key, value in posted.items():
        if key in saved:
            if saved[key] != value:
                return False
        elif is_answered(value):
            return False
    return True


def order_of(last_writer: str, writer: str) -> Order:
    """How the save from ``writer`` stands to the one that wrote the entry's current version."""
    last, this = WRITER.fullmatch(last_writer or ""), WRITER.fullmatch(writer or "")
    if not last or not this or last["page"] != this["page"]:
        return Order.OTHER
    return Order.NEWER if int(this["number"]) > int(last["number"]) else Order.OLDER
