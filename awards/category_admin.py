"""Admin steps that make a new category in minutes.

"Add category" (Wagtail's add-page view for an award category, reached from
the dashboard or the page explorer) first offers to start from an existing
category: a titled draft copy (awards/category_copies.py) opens in the page
editor. A blank page is one link away. From the category editor, "Build a
new entry form from these criteria" drafts a form with a section for each
criterion, chooses it in the category's draft and opens it in the form
builder; publishing the form comes back to the category.
"""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.actions.copy_page import CopyPagePermissionError

from forms.form_building import draft_form_for_criteria
from forms.models import EntryForm

from .category_copies import start_category_from
from .criteria import criteria_headings
from .models import CategoryPage, ProgrammePage


class StartForm(django_forms.Form):
    title = django_forms.CharField(
        label="Title of the new category",
        max_length=255,
        help_text="For example “Digital Innovation Award”. You can change it later.",
        error_messages={"required": "Give the new category a title, then choose where to start."},
    )
    source = django_forms.IntegerField(widget=django_forms.HiddenInput, required=False)


def add_category_url(programme: ProgrammePage, blank: bool = False) -> str:
    url = reverse("wagtailadmin_pages:add", args=("awards", "categorypage", programme.pk))
    return f"{url}?blank=1" if blank else url


def copyable_categories(user, parent: ProgrammePage) -> list[CategoryPage]:
    """Categories ``user`` may copy under ``parent``: the programme's own first."""
    categories = [
        category
        for category in CategoryPage.objects.select_related("entry_form").order_by("path")
        if category.permissions_for_user(user).can_copy_to(parent)
    ]
    return sorted(categories, key=lambda c: (not c.path.startswith(parent.path), c.path))


def start_page(request, parent: ProgrammePage, form: StartForm | None = None, status=200):
    return TemplateResponse(
        request,
        "awards/admin/start_category.html",
        {
            "parent": parent,
            "form": form or StartForm(),
            "categories": copyable_categories(request.user, parent),
            "blank_url": add_category_url(parent, blank=True),
            "action": reverse("awards_start_category", args=[parent.pk]),
        },
        status=status,
    )


def offer_a_start(request, parent_page, page_class):
    """The ``before_create_page`` hook: for a new award category, offer to start from one."""
    if page_class is not CategoryPage or request.method != "GET" or "blank" in request.GET:
        return None
    parent = parent_page.specific
    if not isinstance(parent, ProgrammePage) or not copyable_categories(request.user, parent):
        return None
    return start_page(request, parent)


@require_POST
def start_category(request, parent_id: int):
    parent = get_object_or_404(ProgrammePage, pk=parent_id)
    form = StartForm(request.POST)
    source = None
    if form.is_valid():
        source = CategoryPage.objects.filter(pk=form.cleaned_data["source"]).first()
        if source is None:
            form.add_error(None, "Choose the category to start from.")
    if source is None:
        return start_page(request, parent, form, status=400)
    try:
        category = start_category_from(
            source=source, parent=parent, title=form.cleaned_data["title"], user=request.user
        )
    except CopyPagePermissionError as error:
        raise PermissionDenied from error
    messages.success(
        request,
        f"“{category.title}” starts as a copy of “{source.title}”, with its criteria, contacts "
        "and entry form. It has no dates of its own, so the programme's entry window applies. "
        "Nothing is published until you publish it.",
    )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[category.pk]))


@require_http_methods(["GET", "POST"])
def new_entry_form(request, page_id: int):
    """Draft a form from the category's saved criteria and choose it in the category's draft."""
    page = get_object_or_404(CategoryPage, pk=page_id)
    if not (
        page.permissions_for_user(request.user).can_edit()
        and request.user.has_perm("forms.add_entryform")
    ):
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    headings = criteria_headings(draft.criteria)
    if request.method == "GET":
        return TemplateResponse(
            request,
            "awards/admin/new_entry_form.html",
            {"page": draft, "headings": headings, "edit_url": _edit_url(page)},
        )
    form = draft_form_for_criteria(
        title=_form_title(draft.title), headings=headings, user=request.user
    )
    draft.entry_form = form
    # The form is unpublished until the editor publishes it: the category's own checks
    # (a published form) apply when the category is saved or published in its editor.
    draft.save_revision(user=request.user, clean=False, log_action=True)
    messages.success(
        request,
        f"“{form.title}” has a section for each of the criteria of “{draft.title}”, and the "
        "category's draft now uses it. Change what you need, preview it, then publish it.",
    )
    edit_form = reverse("wagtailsnippets_forms_entryform:edit", args=[form.pk])
    return HttpResponseRedirect(f"{edit_form}?{urlencode({'next': _edit_url(page)})}")


def _edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _form_title(category_title: str) -> str:
    title, number = f"{category_title} entry form", 2
    while EntryForm.objects.filter(title=title).exists():
        title = f"{category_title} entry form ({number})"
        number += 1
    return title
