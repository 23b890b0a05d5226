"""Refuse a request body larger than the site would accept, before reading it.

Django checks an upload's size only once the whole body has arrived: a 60 MB
save was read to the end (the CSRF check parses the form) before the file was
found too large. This middleware answers from the Content-Length header alone.

- An entry's save may carry files: at most the sizes its form's file questions
  allow, added up (the Save button without JavaScript sends every file at once),
  plus ``DATA_UPLOAD_MAX_MEMORY_SIZE`` for the answers and the form's framing.
- Every other page outside the Wagtail admin takes no files: the same allowance.
- The admin (editors' images and documents) keeps Wagtail's own limits.

The proxy in front refuses anything larger still (README, "Deploying").
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse

from .access import EDIT, at_least, find_entry
from .models import Entry

MB = 1024 * 1024  # as forms.uploads counts a question's max_size_mb


def content_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0  # as Django reads it: no body


def _editable_entry(request: HttpRequest) -> Entry | None:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    user = getattr(request, "user", None)
    if match.url_name != "entry_save" or user is None or not user.is_authenticated:
        return None
    public_id = match.kwargs.get("public_id", "")
    entry = find_entry(user, public_id)
    if entry is None or not at_least(entry.role, EDIT):
        return None
    return entry


def file_allowance(entry: Entry | None) -> int:
    """Bytes of files one save of ``entry`` may carry: its form's file questions' sizes."""
    if entry is None or entry.form is None:
        return 0
    questions = entry.form.definition.questions.values()
    return sum(q.max_size_mb for q in questions if q.is_file) * MB


def largest_file_mb(entry: Entry | None) -> int:
    if entry is None or entry.form is None:
        return 0
    return max(
        (q.max_size_mb for q in entry.form.definition.questions.values() if q.is_file), default=0
    )


def body_limit(request: HttpRequest, entry: Entry | None = None) -> int | None:
    """The most bytes this request's body may hold, or None for no limit of ours."""
    if request.path_info.startswith(reverse("wagtailadmin_home")):
        return None
    entry = entry or _editable_entry(request)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE + file_allowance(entry)


def too_large(request: HttpRequest, entry: Entry | None) -> HttpResponse:
    largest = largest_file_mb(entry)
    limit = f"a file for this entry can be at most {largest} MB" if largest else ""
    message = (
        f"The file is too large: {limit}. " if limit else "What was sent is too large. "
    ) + "Nothing was saved, and nothing else was changed: your answers are still on this page."
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"ok": False, "message": message, "too_large": True}, status=413)
    page_url = entry.page.url if entry is not None else None
    context = {"largest_mb": largest, "entry_url": f"{page_url}#entry" if page_url else None}
    return TemplateResponse(request, "forms/too_large.html", context, status=413).render()


class RequestBodyLimitMiddleware:
    """After the authentication middleware (a save's allowance is its owner's entry's),
    and before anything reads the body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = content_length(request)
        # Most requests are well inside the allowance every request has: no query.
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            entry = _editable_entry(request)
            limit = body_limit(request, entry)
            if limit is not None and length > limit:
                return too_large(request, entry)
        return self.get_response(request)
