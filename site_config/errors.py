"""Server errors as a person (or the autosave script) can act on them."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

UNAVAILABLE = (
    "The service is briefly unavailable. Nothing you typed has been lost: "
    "we will keep trying to save it."
)


def server_error(request):
    """500 for bugs; 503 with Retry-After when the database cannot be reached for a moment.

    The pages render without context processors: they may need the database that just failed.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse(
            {
                "ok": False,
                "retry": True,
                "message": UNAVAILABLE if unavailable else "Something went wrong.",
            },
            status=status,
        )
    else:
        template = loader.get_template("503.html" if unavailable else "500.html")
        response = HttpResponse(template.render(), status=status)
    if unavailable:
        response["Retry-After"] = "5"
    return response
