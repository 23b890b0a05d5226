from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .forms import ProfileForm
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
