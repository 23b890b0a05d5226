"""Partner co-sign: the team asks the partner; the partner confirms or declines from a link."""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ..access import EDIT
from ..exceptions import EntryError
from ..hosting import as_host, needs_partner_confirmation
from ..partner.asking import ask_partner, team_emails
from ..partner.decision import decide
from ..partner.errors import PartnerEntryChanged, PartnerLinkClosed, PartnerNotNeeded
from ..partner.link import open_link
from ..partner.state import entry_fingerprint, expires_at
from ..published import with_published_forms
from ..selectors import entry_for_person, entry_view


class PartnerDetailsForm(django_forms.Form):
    organisation = django_forms.CharField(
        label="Partner organisation",
        max_length=200,
        error_messages={"required": "Enter the partner organisation's name"},
    )
    contact_name = django_forms.CharField(
        label="Partner contact's name",
        max_length=200,
        error_messages={"required": "Enter the name of the person who will confirm"},
    )
    email = django_forms.EmailField(
        label="Partner contact's email",
        max_length=254,
        error_messages={
            "required": "Enter the partner contact's email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )

    def __init__(self, *args, team_emails=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.team_emails = set(team_emails)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.lower() in self.team_emails:
            raise django_forms.ValidationError(
                "The partner must be someone outside your team: enter the partner "
                "organisation's contact, not yours or a colleague's."
            )
        return email


def details_initial(confirmation) -> dict:
    if confirmation is None:
        return {}
    return {
        "organisation": confirmation.organisation,
        "contact_name": confirmation.contact_name,
        "email": confirmation.email,
    }


@login_required
@require_POST
@never_cache
def ask(request, public_id: str):
    """Ask the partner to confirm (again): from the entry page's panel or Check your answers."""
    entry = entry_for_person(request.user, public_id, EDIT)
    if not needs_partner_confirmation(as_host(entry.page)):
        # A page drawn before an editor turned the partner's confirmation off.
        messages.error(request, PartnerNotNeeded.message)
        return redirect("entry_review", public_id=entry.public_id)
    back_to_review = request.POST.get("next") == "review"
    form = PartnerDetailsForm(request.POST, team_emails=team_emails(entry))
    status = 400
    if form.is_valid():
        try:
            confirmation = ask_partner(entry=entry, user=request.user, **form.cleaned_data)
        except EntryError as error:
            form.add_error(None, error.message)
            status = error.status_code
        else:
            messages.success(
                request,
                f"We have emailed {confirmation.contact_name} at {confirmation.email} a link "
                "to read and confirm your entry.",
            )
            if back_to_review:
                return redirect("entry_review", public_id=entry.public_id)
            return redirect(f"{entry.page.url}#partner")
    return render(
        request,
        "forms/partner/ask.html",
        {"entry": entry, "page": entry.page, "form": form},
        status=status,
    )


class DecisionForm(django_forms.Form):
    decision = django_forms.ChoiceField(choices=[("confirm", "Confirm"), ("decline", "Decline")])
    name = django_forms.CharField(
        label="Your name",
        max_length=200,
        error_messages={"required": "Enter your name"},
    )
    comment = django_forms.CharField(
        label="Why do you decline?",
        help_text="The entrant reads this. Say what is not accurate.",
        required=False,
        max_length=4000,
        widget=django_forms.Textarea(attrs={"rows": 5}),
    )
    fingerprint = django_forms.CharField(max_length=64, widget=django_forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not data.get("comment", "").strip():
            self.add_error("comment", "Say why you decline, so the entrant can put it right")
        return data


def _private(response):
    """The link's token is in the address: never sent on, never indexed."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Exempt from CSRF checks, deliberately: what allows a decision is the unguessable token
# in the address, never a cookie or a session, so a forged cross-site post gains nothing
# its sender did not already have. And under Referrer-Policy: no-referrer a browser sends
# its own form's post with "Origin: null", which Django's CSRF check refuses.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@never_cache
def link(request, token: str):
    """The partner's page: the entry read-only, and confirm or decline. No account needed."""
    try:
        confirmation = open_link(token)
    except PartnerLinkClosed as error:
        return _private(
            render(
                request,
                "forms/partner/link_closed.html",
                {"message": error.message, "page": None},
                status=error.status_code,
            )
        )
    entry = with_published_forms([confirmation.entry])[0]
    status = 200
    form = DecisionForm(
        request.POST or None,
        initial={"name": confirmation.contact_name, "decision": "confirm"},
    )
    error_message = ""
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                decided = decide(
                    token=token,
                    confirm=data["decision"] == "confirm",
                    name=data["name"],
                    comment=data["comment"],
                    fingerprint_read=data["fingerprint"],
                )
            except PartnerEntryChanged as error:
                error_message, status = error.message, error.status_code
                entry.refresh_from_db()
                form = DecisionForm(
                    initial={"name": data["name"], "comment": data["comment"]},
                )
            except EntryError as error:
                return _private(
                    render(
                        request,
                        "forms/partner/link_closed.html",
                        {"message": error.message, "page": None},
                        status=error.status_code,
                    )
                )
            else:
                return _private(
                    render(
                        request,
                        "forms/partner/decided.html",
                        {"confirmation": decided, "entry": entry, "page": None},
                    )
                )
    return _private(
        render(
            request,
            "forms/partner/link.html",
            {
                "confirmation": confirmation,
                "entry": entry,
                "view": entry_view(entry),
                "fingerprint": entry_fingerprint(entry),
                "form": form,
                "error_message": error_message,
                "declining": request.POST.get("decision") == "decline",
                "expires_at": expires_at(confirmation),
                "page": None,
            },
            status=status,
        )
    )
