"""The floor: what this stack does at best for a signed-in request.

Behind the same middleware as every page (sessions, authentication, CSRF, the
page cache's check, security headers), it loads only the session and the user
and answers a few bytes of JSON. ``make bench`` reports ``auth_get`` and
``save`` as a fraction of it: the share of the stack's best that our own
work leaves.
"""

from django.http import JsonResponse


def floor(request):
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401)
    return JsonResponse({"signed_in": True, "user": request.user.pk})
