"""Conflicts of interest, found as well as declared.

Before a judge sees an entry, the judge's organisation and email domain are
matched against the entrant's, every collaborator's, the partner's and the
organisation the entry names. Names are compared normalised: case, punctuation
and the words that only say what kind of body it is ("NHS Foundation Trust",
"Ltd", "The") are not what makes two organisations different. Email domains
every NHS or webmail user shares (nhs.net, gmail.com) say nothing of who
someone works for, so they never match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, F, Value
from django.utils import timezone

from forms.models import Collaborator, Entry, PartnerConfirmation

from .models import Assignment, Conflict, ConflictSource

# Words that say what kind of body an organisation is, not which one.
KIND_WORDS = {
    "the", "nhs", "hs", "foundation", "trust", "trusts", "university", "hospital", "hospitals",
    "ltd", "limited", "plc", "llp", "llc", "inc", "incorporated", "co", "company", "group",
    "uk", "cic", "and", "of", "integrated", "care", "board", "icb",
}  # fmt: skip
SHARED_DOMAINS = {
    "nhs.net", "nhs.uk", "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk",
    "outlook.com", "live.com", "live.co.uk", "yahoo.com", "yahoo.co.uk", "icloud.com",
    "me.com", "aol.com", "btinternet.com", "sky.com", "virginmedia.com", "protonmail.com",
    "proton.me", "example.org", "example.com",
}  # fmt: skip
# Demo and test addresses all use example.org: matching on it would put every judge in
# conflict with every entrant, so it counts as shared, like a webmail domain.
ORGANISATION_KEYS = ("organisation_name", "partner_organisation")


def normalise_organisation(name: str) -> str:
    """ "The Northshire NHS Foundation Trust" and "northshire" are the same body."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    text = re.sub(r"['\u2019]", "", text.lower().replace("&", " and "))
    words = re.findall(r"[a-z0-9]+", text)
    kept = [word for word in words if word not in KIND_WORDS]
    # "NHS Trust" alone names no particular body: nothing is left to compare.
    return " ".join(kept)


def email_domain(email: str) -> str:
    domain = (email or "").rpartition("@")[2].strip().lower()
    return "" if domain in SHARED_DOMAINS else domain


@dataclass(frozen=True)
class Party:
    """Someone on the entry's side, as far as conflicts go."""

    who: str  # "the entrant", "a collaborator", "the partner", "the entry"
    organisation: str
    email: str = ""
    names: tuple[str, ...] = ()  # the person's name(s), which blind judging withholds


def team_parties(entry_ids) -> list[tuple[int, Party]]:
    """(entry id, party) for every collaborator and partner of these entries, in one query."""
    collaborators = Collaborator.objects.filter(entry_id__in=entry_ids).annotate(
        who=Value("a collaborator"),
        organisation=F("user__organisation"),
        email=F("user__email"),
        first=F("user__first_name"),
        second=F("user__last_name"),
    )
    partners = PartnerConfirmation.objects.filter(entry_id__in=entry_ids).annotate(
        who=Value("the partner"),
        first=F("contact_name"),
        second=F("decided_by_name"),
    )
    columns = ("entry_id", "who", "organisation", "email", "first", "second")
    found = []
    team = collaborators.order_by().values_list(*columns)
    for entry_id, who, organisation, email, first, second in team.union(
        partners.order_by().values_list(*columns), all=True
    ):
        if who == "a collaborator":
            names = (f"{first} {second}".strip(),)
        else:  # the partner's contact, and whoever decided for them
            names = (first, second)
        found.append((entry_id, Party(who, organisation, email, tuple(n for n in names if n))))
    return found


def own_parties(entry: Entry) -> list[Party]:
    """The entrant (read with the entry) and any organisation the entry itself names."""
    parties = []
    if entry.entrant is not None:
        entrant = entry.entrant
        parties.append(
            Party("the entrant", entrant.organisation, entrant.email, (entrant.get_full_name(),))
        )
    for key in ORGANISATION_KEYS:
        value = (entry.answers or {}).get(key)
        if isinstance(value, str) and value.strip():
            parties.append(Party("the entry", value))
    return parties


def entry_parties(entry: Entry) -> list[Party]:
    """Everyone whose organisation or address a judge must not share: the entrant, the
    team, the partner and any organisation the entry itself names (one query)."""
    return own_parties(entry) + [party for _entry_id, party in team_parties([entry.pk])]


def find_conflict(judge, parties: Iterable[Party]) -> str | None:
    """Why ``judge`` must not judge an entry with these parties, or None."""
    judge_org = normalise_organisation(judge.organisation)
    judge_domain = email_domain(judge.email)
    for party in parties:
        if judge_org and normalise_organisation(party.organisation) == judge_org:
            return f"Same organisation as {party.who}: {party.organisation}"
        if judge_domain and email_domain(party.email) == judge_domain:
            return f"Same email domain as {party.who}: {judge_domain}"
    return None


def check(judge, entry: Entry, parties: list[Party] | None = None) -> Conflict | None:
    """The conflict that stands between ``judge`` and ``entry``, found now if need be.

    A newly found one is recorded and removes the judge's assignment to the entry,
    keeping any sheet already written. A found conflict an organiser cleared stays
    cleared; a declared one always stands.
    """
    standing = Conflict.objects.filter(judge=judge, entry=entry, cleared_at=None).first()
    if standing is not None:
        return standing
    return detect(judge, entry, parties)


def standing_conflict(judge, entry_id):
    """Whether a conflict stands between ``judge`` and the entry (for ``Exists``)."""
    return Exists(Conflict.objects.filter(judge=judge, entry=entry_id, cleared_at=None))


def detect(judge, entry: Entry, parties: list[Party] | None = None) -> Conflict | None:
    """The conflict found now between ``judge`` and ``entry``'s people, recorded; None if
    there is none, or an organiser cleared it. (``check`` asks first what stands.)"""
    reason = find_conflict(judge, entry_parties(entry) if parties is None else parties)
    if reason is None:
        return None
    with transaction.atomic():
        conflict, created = Conflict.objects.get_or_create(
            judge=judge,
            entry=entry,
            source=ConflictSource.DETECTED,
            defaults={"reason": reason},
        )
        if not created and conflict.cleared_at is not None:
            return None  # an organiser looked and cleared it
        remove_assignment(judge, entry, reason)
        if created:
            tell_organisers([conflict])
    return conflict


def declare(judge, entry: Entry, reason: str) -> Conflict:
    """The judge says they must not judge this entry; it leaves their list at once."""
    with transaction.atomic():
        conflict, _ = Conflict.objects.update_or_create(
            judge=judge,
            entry=entry,
            source=ConflictSource.DECLARED,
            defaults={"reason": reason, "found_at": timezone.now(), "cleared_at": None},
        )
        remove_assignment(judge, entry, f"Declared by the judge: {reason}")
    return conflict


def clear(conflict: Conflict, by) -> None:
    """An organiser judges a found conflict wrong: the assignment (and its sheet) return."""
    if conflict.source != ConflictSource.DETECTED:
        raise ValueError("A conflict the judge declared stands.")
    with transaction.atomic():
        conflict.cleared_at = timezone.now()
        conflict.cleared_by = by
        conflict.save(update_fields=["cleared_at", "cleared_by"])
        others = Conflict.objects.filter(
            judge=conflict.judge, entry=conflict.entry, cleared_at=None
        ).exclude(pk=conflict.pk)
        if not others.exists():
            Assignment.objects.filter(judge=conflict.judge, entry=conflict.entry).update(
                removed_at=None, removed_because=""
            )


def tell_organisers(found: list[Conflict]) -> None:
    """Once the conflicts just found are saved, email the organisers of their panels."""
    from .tasks import send_conflict_notice

    ids = [conflict.pk for conflict in found]
    if ids:
        transaction.on_commit(lambda: send_conflict_notice.enqueue(ids))


def remove_assignment(judge, entry: Entry, reason: str) -> None:
    Assignment.objects.filter(judge=judge, entry=entry, removed_at=None).update(
        removed_at=timezone.now(), removed_because=reason[:255]
    )
