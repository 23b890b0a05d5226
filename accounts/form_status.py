"""A sign-in, registration or account form sent back with errors answers 400, not 200.

allauth re-renders an invalid form with status 200, as Django's generic views
do. Our own forms answer 400 (the entry, profile and staff-action views), so
that bad input is a 4xx everywhere: to a person nothing changes (the same page
with its error summary), to monitoring and to the tests it is a refusal.
"""

from django.http import HttpRequest
from django.template.response import TemplateResponse


def _allauth_view(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match) and getattr(match.func, "__module__", "").startswith("allauth.")


class InvalidFormStatusMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response: TemplateResponse) -> TemplateResponse:
        if request.method != "POST" or response.status_code != 200 or not _allauth_view(request):
            return response
        form = (response.context_data or {}).get("form")
        if form is not None and form.is_bound and form.errors:
            response.status_code = 400
        return response
