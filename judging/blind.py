"""Blind judging: what a judge on a blind panel must not read, and how it is withheld.

The entry's reference stands in for the entrant. Answers that are only contact
details (email and web addresses) or that name the organisation are hidden
whole; in every other answer the names, organisations and email addresses of
the entrant, the team and the partner become "[withheld]". Organisations are
also found as people write them in passing: "The Northshire NHS Foundation
Trust" is withheld as "Northshire NHS Trust" and as plain "Northshire".
Files keep their type and lose their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from forms.models import Entry, EntryFile

from . import conflicts
from .conflicts import KIND_WORDS, ORGANISATION_KEYS, Party, email_domain

WITHHELD = "[withheld]"
HIDDEN = "Hidden for blind judging"
HIDDEN_TYPES = {"email", "url"}
# A name part shorter than this would match inside ordinary words' neighbours too often.
MIN_CORE = 3
_SEP = r"[\s,.&'’-]+"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Words that may follow an organisation's own name without being part of another's.
_TRAILING = sorted(KIND_WORDS - {"the", "and", "of"}, key=len, reverse=True)


@dataclass(frozen=True)
class Identity:
    """Everything on the entry's side that would tell a judge who entered."""

    names: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


def identity_of(entry: Entry, parties: list[Party] | None = None) -> Identity:
    """The entrant, the team and the partner as an entry names them: from the parties the
    conflict check read (judging.access.assignment_for), or read now in one query."""
    names, organisations, emails = [], [], []
    for party in conflicts.entry_parties(entry) if parties is None else parties:
        names.extend(party.names)
        organisations.append(party.organisation)
        emails.append(party.email)
    return Identity(_kept(names), _kept(organisations), _kept(emails))


def _kept(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def hides_question(question) -> bool:
    """Whether a blind judge sees no part of this answer (contact details, organisation)."""
    return question.type in HIDDEN_TYPES or question.key in ORGANISATION_KEYS


def _spaced(text: str) -> str:
    """``text`` as a pattern in which any run of spaces matches any other."""
    return r"\s+".join(re.escape(part) for part in text.split())


def _word(word: str) -> str:
    """One word of a name; "Marys" also matches "Mary's"."""
    if len(word) > 2 and word.endswith("s"):
        return re.escape(word[:-1]) + r"['’]?s"
    return re.escape(word)


def organisation_patterns(name: str) -> list[str]:
    """An organisation as written, and its distinctive words with or without the words
    that only say what kind of body it is, before, between and after them."""
    patterns = [_spaced(name)]
    words = [w.lower().replace("’", "").replace("'", "") for w in _WORD.findall(name)]
    core = [w for w in words if w not in KIND_WORDS]
    if not core or len("".join(core)) < MIN_CORE:
        return patterns  # "NHS Trust" alone names no particular body
    first = words.index(core[0])
    before = "".join(f"(?:{re.escape(w)}{_SEP})?" for w in words[:first])
    kind = "|".join(re.escape(w) for w in sorted(KIND_WORDS, key=len, reverse=True))
    between = f"{_SEP}(?:(?:{kind}){_SEP})*"
    after = f"(?:{_SEP}(?:{'|'.join(_TRAILING)}))*"
    patterns.append(before + between.join(_word(w) for w in core) + after)
    return patterns


def email_patterns(email: str) -> list[str]:
    patterns = [re.escape(email)]
    domain = email_domain(email)
    if domain:  # the organisation's own domain, in any address or web address
        patterns.append(rf"[\w.+-]+@(?:[\w-]+\.)*{re.escape(domain)}")
        patterns.append(rf"(?:[\w-]+\.)*{re.escape(domain)}")
    return patterns


def withholding_pattern(identity: Identity) -> re.Pattern | None:
    """One pattern for everything to withhold, longest first, or None if nothing is."""
    parts = [_spaced(name) for name in identity.names]
    for organisation in identity.organisations:
        parts.extend(organisation_patterns(organisation))
    for email in identity.emails:
        parts.extend(email_patterns(email))
    parts = sorted(set(p for p in parts if p), key=len, reverse=True)
    if not parts:
        return None
    return re.compile(rf"(?<![\w@.])(?:{'|'.join(parts)})(?![\w@])", re.IGNORECASE)


def withhold(text: str, pattern: re.Pattern | None) -> str:
    """``text`` with every name, organisation and address ``pattern`` finds withheld."""
    if not text or pattern is None:
        return text
    return pattern.sub(WITHHELD, text)


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]+")


def file_name(reference: str, label: str, number: int, original_name: str) -> str:
    """``PRA-2026-0042 – Supporting document – file 1.pdf``: the type kept, the name not."""
    suffix = PurePath(original_name or "").suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        suffix = ""
    label = " ".join(_UNSAFE.sub(" ", label or "Attachment").split())[:80]
    return f"{reference} – {label} – file {number}{suffix}"


def file_names(entry: Entry, files: Iterable[EntryFile], labels: dict[str, str]) -> dict[str, str]:
    """Each file's blind name by its public id, numbered within its question in upload order."""
    names, counts = {}, {}
    for upload in sorted(files, key=lambda f: (f.uploaded_at, f.pk)):
        counts[upload.question_key] = counts.get(upload.question_key, 0) + 1
        label = labels.get(upload.question_key, "Attachment")
        names[upload.public_id] = file_name(
            entry.reference or "Entry", label, counts[upload.question_key], upload.original_name
        )
    return names
