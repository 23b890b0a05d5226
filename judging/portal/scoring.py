"""Saving and submitting a score sheet: thin views over judging.sheets.

With JavaScript the sheet saves itself and reads JSON back; without, the same
form posts here and the page comes back. Whatever is refused, nothing typed is
lost: the page (or the JSON) carries it back beside the message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from publishing.templatetags.uk_dates import uk_datetime, uk_time

from ..access import assignment_for
from ..models import Assignment
from ..sheets import (
    SheetError,
    SheetIncomplete,
    SheetInput,
    SheetLocked,
    StaleSheet,
    criteria_for,
    save_sheet,
    submit_sheet,
)
from .entry_page import sheet_of
from .pages import entry_page
from .sheet_form import (
    QUALIFYING_FIELD,
    as_json,
    display_beside,
    display_saved,
    display_typed,
    field_errors,
    read_sheet,
    read_version,
    score_field,
)

FIX_AND_SAVE = "Check the scores marked below: nothing was saved."
NO_CRITERIA = (
    "This category has no criteria to score against yet, so nothing was saved. "
    "Contact the awards team about judging this category."
)


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "") or bool(
        request.headers.get("X-Requested-With")
    )


def sheet_url(assignment: Assignment) -> str:
    return reverse("judging:entry", args=[assignment.entry.public_id]) + "#score-sheet"


class Refused(Exception):
    """A save the view answers with a page or JSON instead of a redirect."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def _save(request, assignment: Assignment, data: SheetInput, criteria, as_json_reply: bool):
    """Save what was sent, or raise Refused with the answer to give."""
    if not criteria:
        raise Refused(_refused(request, assignment, NO_CRITERIA, 400, as_json_reply))
    try:
        version = read_version(request.POST)
    except SheetError as error:
        raise Refused(_refused(request, assignment, error.message, 400, as_json_reply)) from None
    errors = field_errors(criteria, data)
    if errors:
        if as_json_reply:
            reply = {"ok": False, "message": FIX_AND_SAVE, "errors": errors}
            raise Refused(JsonResponse(reply, status=400))
        display = display_typed(criteria, data, version, errors)
        raise Refused(entry_page(request, assignment, display, status=400))
    try:
        return save_sheet(assignment, data, base_version=version)
    except StaleSheet as error:
        newer = display_saved(criteria, error.current)
        if as_json_reply:
            reply = {
                "ok": False,
                "conflict": True,
                "message": error.message,
                "version": error.current.version,
                "newer": as_json(newer),
            }
            raise Refused(JsonResponse(reply, status=409)) from None
        mine = display_typed(criteria, data, version, {})
        display = display_beside(mine, newer, error.current.version)
        page = entry_page(
            request, assignment, display, status=409, notice=error.message, conflict=True
        )
        raise Refused(page) from None
    except SheetLocked as error:
        if as_json_reply:
            reply = {"ok": False, "locked": True, "message": error.message}
            raise Refused(JsonResponse(reply, status=409)) from None
        mine = display_typed(criteria, data, version, {})
        raise Refused(_locked_page(request, assignment, mine, error.message)) from None
    except SheetError as error:
        raise Refused(
            _refused(request, assignment, error.message, error.status, as_json_reply)
        ) from None


def _refused(request, assignment, message: str, status: int, as_json_reply: bool):
    if as_json_reply:
        return JsonResponse({"ok": False, "message": message}, status=status)
    criteria = criteria_for(assignment)
    display = display_typed(criteria, read_sheet(request.POST, criteria), 1, {})
    return entry_page(request, assignment, display, status=status, notice=message)


def _locked_page(request, assignment, mine, message: str):
    """The submitted sheet, read-only, with what the judge just sent shown beside it."""
    sheet = sheet_of(assignment)
    saved = display_saved(criteria_for(assignment), sheet)
    display = display_beside(saved, mine, saved.version)
    return entry_page(request, assignment, display, status=409, notice=message, locked=True)


@login_required
@require_POST
@never_cache
def save(request, public_id: str):
    assignment = assignment_for(request.user, public_id)
    criteria = criteria_for(assignment)
    data = read_sheet(request.POST, criteria)
    as_json_reply = wants_json(request)
    try:
        sheet = _save(request, assignment, data, criteria, as_json_reply)
    except Refused as refused:
        return refused.response
    saved_at = uk_time(sheet.updated_at)
    if as_json_reply:
        return JsonResponse({"ok": True, "version": sheet.version, "saved_at": saved_at})
    messages.success(
        request, f"Saved at {saved_at}. You can come back to these scores at any time."
    )
    return HttpResponseRedirect(sheet_url(assignment))


@login_required
@require_POST
@never_cache
def submit(request, public_id: str):
    """Save what the sheet shows, then submit it if it is complete."""
    assignment = assignment_for(request.user, public_id)
    criteria = criteria_for(assignment)
    data = read_sheet(request.POST, criteria)
    try:
        sheet = _save(request, assignment, data, criteria, as_json_reply=False)
    except Refused as refused:
        return refused.response
    try:
        sheet = submit_sheet(assignment, version=sheet.version)
    except SheetIncomplete as error:
        display = display_saved(criteria, sheet)
        display.errors = {_field_for(key): message for key, message in error.problems.items()}
        for row in display.rows:
            row.error = display.errors.get(row.field_id, "")
        assignment.sheet = sheet
        notice = "Your scores were saved. " + error.message
        return entry_page(request, assignment, display, status=400, notice=notice)
    except SheetError as error:  # changed elsewhere between the save and the submit
        return _refused(request, assignment, error.message, error.status, False)
    messages.success(
        request,
        f"Your scores for {assignment.entry.reference} were submitted at "
        f"{uk_datetime(sheet.submitted_at)}.",
    )
    return HttpResponseRedirect(sheet_url(assignment))


def _field_for(key: str) -> str:
    return QUALIFYING_FIELD if key == "qualifying" else score_field(key)
