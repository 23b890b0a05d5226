"""The partner columns of an entries export: whose organisation, and who confirmed, when."""

from __future__ import annotations

from django.utils import timezone

from ..hosting import as_host, needs_partner_confirmation
from ..models import Entry, EntryFile, PartnerConfirmation
from .state import PartnerState, fingerprint

PARTNER_HEADINGS = [
    "Partner organisation",
    "Partner confirmation",
    "Partner confirmed by",
    "Partner confirmed at",
]


def partner_columns_wanted(entries) -> bool:
    """Whether an export of ``entries`` has the partner columns: some entry's category asks
    for a partner's confirmation, or some entry has asked one."""
    from wagtail.models import Page

    chosen = Entry.objects.using(entries.db).filter(pk__in=entries.values("pk"))
    if PartnerConfirmation.objects.filter(entry__in=chosen).exists():
        return True
    pages = Page.objects.filter(pk__in=chosen.values("page_id")).specific()
    return any(needs_partner_confirmation(as_host(page)) for page in pages)


def partner_cells(rows, when) -> dict[int, list[str]]:
    """{entry id: the partner columns} for export rows (pk first, answers last)."""
    ids = [row[0] for row in rows]
    latest: dict[int, PartnerConfirmation] = {}
    for confirmation in PartnerConfirmation.objects.filter(entry_id__in=ids).order_by(
        "entry_id", "-requested_at", "-pk"
    ):
        latest.setdefault(confirmation.entry_id, confirmation)
    file_ids: dict[int, list[str]] = {}
    for entry_id, public_id in EntryFile.objects.filter(entry_id__in=ids).values_list(
        "entry_id", "public_id"
    ):
        file_ids.setdefault(entry_id, []).append(public_id)
    now = timezone.now()
    cells = {}
    for row in rows:
        pk, answers = row[0], row[-1]
        c = latest.get(pk)
        if c is None:
            cells[pk] = ["", "Not asked", "", ""]
            continue
        state = PartnerState(c, fingerprint(answers or {}, file_ids.get(pk, [])), now)
        confirmed = state.state in ("confirmed", "changed")
        cells[pk] = [
            c.organisation,
            state.label,
            c.decided_by_name if confirmed else "",
            when(c.decided_at) if confirmed else "",
        ]
    return cells
