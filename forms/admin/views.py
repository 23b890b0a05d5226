"""Staff actions on one entry, printable view, file downloads and file archives."""

from datetime import datetime, time

from django import forms as django_forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from forms import staff_actions
from forms.downloads import file_download
from forms.file_access import may_download_files
from forms.file_archive import zip_response
from forms.models import Entry, EntryFile
from forms.selectors import entry_view

from .permissions import MANAGE, VIEW, forbidden, refuse_without, sign_in


class ReasonForm(django_forms.Form):
    reason = django_forms.CharField(
        label="Reason",
        help_text="Kept in the entry's history and, for reopen and withdraw, sent to the entrant.",
        widget=django_forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter a reason"},
    )


class ExtendForm(ReasonForm):
    until_date = django_forms.DateField(
        label="New deadline (date)", widget=django_forms.DateInput(attrs={"type": "date"})
    )
    until_time = django_forms.TimeField(
        label="New deadline (time, UK)",
        initial=time(12, 0),
        widget=django_forms.TimeInput(attrs={"type": "time"}),
    )

    def until(self) -> datetime:
        data = self.cleaned_data
        return timezone.make_aware(datetime.combine(data["until_date"], data["until_time"]))


ACTIONS = {
    "reopen": (
        "Reopen entry",
        ReasonForm,
        "The entry goes back to draft, keeps its reference, and the entrant is emailed.",
    ),
    "withdraw": (
        "Withdraw entry",
        ReasonForm,
        "The entry is taken out of judging. Its answers are kept. The entrant is emailed.",
    ),
    "extend": (
        "Extend the deadline for this entry",
        ExtendForm,
        "The entrant may save and submit until the new time, and is emailed.",
    ),
}


@never_cache
def entry_action(request, pk: int, action: str):
    if denied := refuse_without(request, MANAGE):
        return denied
    entry = get_object_or_404(Entry.objects.select_related("page", "entrant"), pk=pk)
    title, form_class, explanation = ACTIONS[action]
    form = form_class(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                kwargs = {"entry": entry, "by": request.user, "reason": form.cleaned_data["reason"]}
                if action == "reopen":
                    staff_actions.reopen_entry(**kwargs)
                elif action == "withdraw":
                    staff_actions.withdraw_entry(**kwargs)
                else:
                    staff_actions.extend_deadline(**kwargs, until=form.until())
            except staff_actions.StaffActionRefused as error:
                form.add_error(None, error.message)
                status = 409
            else:
                messages.success(request, f"{title}: done for {entry}.")
                return redirect("forms_entry_modeladmin_inspect", instance_pk=entry.pk)
        else:
            status = 400
    return render(
        request,
        "forms/admin/action.html",
        {
            "entry": entry,
            "form": form,
            "title": title,
            "explanation": explanation,
            "action": action,
        },
        status=status,
    )


@never_cache
def print_entry(request, pk: int):
    if denied := refuse_without(request, VIEW):
        return denied
    entry = get_object_or_404(Entry.objects.select_related("page", "entrant"), pk=pk)
    return render(
        request,
        "forms/admin/print.html",
        {"entry": entry, "view": entry_view(entry, all_files=True), "page": None},
    )


@never_cache
def download_file(request, file_id: str):
    if not request.user.is_authenticated:
        return sign_in(request)
    upload = get_object_or_404(EntryFile.objects.select_related("entry"), public_id=file_id)
    if not may_download_files(request.user, upload.entry):
        return forbidden(request)
    return file_download(upload)


@never_cache
def files_archive(request, page_id: int):
    if not request.user.is_authenticated:
        return sign_in(request)
    if not may_download_files(request.user, None):
        return forbidden(request)
    page = get_object_or_404(Page, pk=page_id)
    files = EntryFile.objects.filter(entry__page_id=page.pk)
    return zip_response(files, f"{page.slug}-files")
