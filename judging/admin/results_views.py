"""Organisers' leaderboards: the judged categories, one category's leaderboard, its
exports, the outcome buttons and the shortlist email. Thin views: the rules are in
judging.leaderboard, judging.leaderboard_export and judging.outcomes."""

from __future__ import annotations

import html

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from forms.admin.permissions import refuse_without
from forms.models import Entry, EntryStatus
from publishing.templatetags.uk_dates import uk_datetime

from .. import leaderboard_export, outcomes
from ..hosting import as_judged
from ..leaderboard import leaderboard
from ..models import Outcome, Panel, Result

MANAGE = "judging.manage_judging"

# What each button does, in the order shown; "clear" takes the result away.
OUTCOME_BUTTONS = [
    (Outcome.SHORTLISTED.value, "Shortlist"),
    (Outcome.HIGHLY_COMMENDED.value, "Highly commended"),
    (Outcome.WINNER.value, "Winner"),
    (outcomes.CLEAR, "Clear"),
]


def judged_page(page_id: int):
    """The category ``page_id`` if it can be judged, else 404."""
    page = get_object_or_404(Page, pk=page_id).specific
    if as_judged(page) is None:
        raise Http404
    return page


@never_cache
@require_GET
def index(request):
    if denied := refuse_without(request, MANAGE):
        return denied
    judged_ids = Panel.categories.through.objects.values("page_id")
    pages = Page.objects.filter(pk__in=judged_ids).order_by("path")
    counts = dict(
        Entry.objects.filter(page_id__in=judged_ids, status=EntryStatus.SUBMITTED)
        .values("page_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("page_id", "n")
    )
    parents = dict(
        Page.objects.filter(path__in={page.path[: -page.steplen] for page in pages}).values_list(
            "path", "title"
        )
    )
    categories = [
        {
            "page": page,
            "programme": parents.get(page.path[: -page.steplen], ""),
            "entries": counts.get(page.pk, 0),
        }
        for page in pages
    ]
    return render(request, "judging/admin/leaderboard/index.html", {"categories": categories})


UNRANKED = '–<span class="w-sr-only"> (unranked)</span>'


def text(value) -> str:
    return html.escape(str(value), quote=True)


def figure(value, places: int) -> str:
    return "–" if value is None else f"{value:.{places}f}"


def row_html(row, qualifying_round: bool) -> str:
    """One leaderboard row. Built in Python with f-strings, not by the template language
    or format_html: 500 rows took half a second of template tags; this takes a few
    milliseconds. Every text is escaped (html.escape, as Django's escape does); the rest
    are numbers and constants."""
    reference = text(row.reference)
    organisation = text(row.organisation or "(no organisation given)")
    title = f"<br><small>{text(row.title)}</small>" if row.title else ""
    buttons = []
    for value, label in OUTCOME_BUTTONS:
        if value == row.outcome or (value == outcomes.CLEAR and not row.outcome):
            continue
        clear = value == outcomes.CLEAR
        buttons.append(
            f'<button class="button button-small button-secondary{" no" if clear else ""}" '
            f'type="submit" name="set" value="{row.entry_id} {value}">{label}'
            f'<span class="w-sr-only"> {"the outcome of " if clear else ""}{reference}</span>'
            "</button>"
        )
    q = row.qualifying
    qualifying = (
        f'<td class="num">{q["yes"]} / {q["maybe"]} / {q["no"]}</td>' if qualifying_round else ""
    )
    outcome = (
        f'<strong class="outcome-now">{text(row.outcome_label)}</strong>'
        if row.outcome
        else '<span class="outcome-now">None yet</span>'
    )
    unranked = ' class="unranked"' if row.rank is None else ""
    return (
        f'<tr id="entry-{row.entry_id}"{unranked}>'
        f'<td class="num">{UNRANKED if row.rank is None else row.rank}</td>'
        f'<th scope="row"><span class="reference">{reference}</span></th><td>{organisation}{title}</td>'
        f'<td class="num">{figure(row.weighted, 2)}</td><td class="num">{figure(row.mean, 2)}</td>'
        f'<td class="num">{figure(row.normalised, 3)}</td>'
        f'<td class="num">{row.sheets_in} of {row.sheets_expected}</td>{qualifying}'
        f'<td>{outcome}<div class="outcome-buttons">{"".join(buttons)}</div></td></tr>'
    )


def render_board(request, page, *, error: str = "", status: int = 200):
    host = as_judged(page)
    board = leaderboard(page)
    context = {
        "page": page,
        "board": board,
        "rows_html": mark_safe(  # noqa: S308 (every text in a row is escaped)
            "".join(row_html(row, board.qualifying_round) for row in board.rows)
        ),
        "buttons": OUTCOME_BUTTONS,
        "shortlisted": board.shortlisted,
        "shortlist_at": host.shortlist_announced_at,
        "winners_at": host.winners_announced_at,
        "error": error,
    }
    return render(request, "judging/admin/leaderboard/leaderboard.html", context, status=status)


@never_cache
@require_GET
def category_board(request, page_id: int):
    if denied := refuse_without(request, MANAGE):
        return denied
    return render_board(request, judged_page(page_id))


@never_cache
@require_POST
def set_outcome(request, page_id: int):
    if denied := refuse_without(request, MANAGE):
        return denied
    page = judged_page(page_id)
    # One form holds every row's buttons: each button sends "<entry id> <outcome>".
    entry_id, _, outcome = request.POST.get("set", "").partition(" ")
    try:
        entry = outcomes.entry_for(page, entry_id)
        result = outcomes.set_outcome(entry=entry, outcome=outcome, by=request.user)
    except outcomes.OutcomeRefused as refused:
        return render_board(request, page, error=refused.message, status=400)
    if result is None:
        messages.success(request, f"{entry.reference}: no longer shortlisted.")
    else:
        messages.success(request, f"{entry.reference}: {result.get_outcome_display()}.")
    return redirect(f"{reverse('judging_leaderboard', args=[page.pk])}#entry-{entry.pk}")


@never_cache
def shortlist_email(request, page_id: int):
    """GET: what will be sent, to whom, with a confirm button. POST: send it."""
    if denied := refuse_without(request, MANAGE):
        return denied
    page = judged_page(page_id)
    host = as_judged(page)
    results = Result.objects.filter(entry__page_id=page.pk, entry__status=EntryStatus.SUBMITTED)
    context = {
        "page": page,
        "waiting": results.filter(shortlist_email_sent_at=None)
        .select_related("entry")
        .order_by("entry__reference"),
        "sent": results.exclude(shortlist_email_sent_at=None).count(),
        "embargo": uk_datetime(host.shortlist_announced_at),
        "error": "",
    }
    if request.method == "POST":
        try:
            run = outcomes.email_shortlist(page)
        except outcomes.OutcomeRefused as refused:
            context["error"] = refused.message
            return render(
                request, "judging/admin/leaderboard/shortlist_email.html", context, status=409
            )
        if run.queued:
            messages.success(
                request,
                f"Emailing the teams of {run.queued} shortlisted "
                f"entr{'y' if run.queued == 1 else 'ies'}, each once.",
            )
        else:
            messages.info(request, "Every shortlisted entry's team has been emailed already.")
        return redirect("judging_leaderboard", page.pk)
    if request.method != "GET":
        return render(
            request, "judging/admin/leaderboard/shortlist_email.html", context, status=405
        )
    return render(request, "judging/admin/leaderboard/shortlist_email.html", context)


@never_cache
@require_GET
def export(request, page_id: int, fmt: str):
    if denied := refuse_without(request, MANAGE):
        return denied
    page = judged_page(page_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        return leaderboard_export.csv_response(page)
    return leaderboard_export.xlsx_response(page)
