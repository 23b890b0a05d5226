import json

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import personal_data, session_refresh
from .forms import DeleteAccountForm, ProfileForm
from .verification import has_verified_email


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Your account: name, organisation and job title, and the state of the email address."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your details have been saved.")
            return redirect("account_profile")
        status = 400
    else:
        status = 200
    context = {"form": form, "email_verified": has_verified_email(request.user)}
    return render(request, "account/profile.html", context, status=status)


@require_POST
@never_cache
def keep_alive(request: HttpRequest) -> HttpResponse:
    """ "Stay signed in": saves the session now, so it runs for the whole idle
    window from this request (other requests save it only every few minutes:
    accounts/session_refresh.py). 401 rather than a redirect to the sign-in page
    when the session has already ended, so the script that calls it can say so."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    session_refresh.refresh(request.session)
    return HttpResponse(status=204)


@login_required
@require_GET
@never_cache
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything we hold about the signed-in person, as a JSON download."""
    data = personal_data.export_user_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, "my-data.json")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _is_staff(user) -> bool:
    return user.is_staff or user.is_superuser


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def delete_account(request: HttpRequest) -> HttpResponse:
    """Delete your account, after typing your password. What happens to the data
    other apps hold is theirs to say and do: accounts/signals.py."""
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    status = 200
    if request.method == "POST" and _is_staff(user):
        status = 403
    elif request.method == "POST":
        # Wrong passwords count against the same limit as allauth's re-authentication.
        if not ratelimit.consume(request, action="reauthenticate", user=user):
            return ratelimit.respond_429(request)
        if form.is_valid():
            personal_data.delete_account(user=user)
            logout(request)
            messages.success(request, "Your account has been deleted.")
            return redirect("/")
        status = 400
    context = {
        "form": form,
        "is_staff": _is_staff(user),
        "deletion_notes": [] if _is_staff(user) else personal_data.deletion_notes(user=user),
    }
    return render(request, "account/delete.html", context, status=status)
