"""Notes in the category editor: the programme's entry window it falls back on, and beside
its entry form, criteria written once and a way to build a form from them."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import Panel

from .criteria import criteria_headings, find_criterion


def unmatched_criteria(category) -> list[str]:
    """The criteria the category's form names that the category has no text for."""
    form = category.entry_form
    if form is None:
        return []
    missing = []
    for section in form.definition.sections:
        if not section.criterion:
            continue
        found = find_criterion(category.criteria, section.criterion)
        if found is None or not (found["text"] or found["points"]):
            missing.append(section.criterion)
    return missing


class EntryFormCriteriaPanel(Panel):
    """Which of the form's sections find this category's criteria, and a way to build a form."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "awards/admin/entry_form_criteria_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            category = self.instance
            headings = criteria_headings(category.criteria)
            context.update(
                headings=headings,
                unmatched=unmatched_criteria(category),
                new_form_url=(
                    reverse("awards_new_entry_form", args=[category.pk]) if category.pk else None
                ),
            )
            return context


def programme_being_edited(bound_panel):
    """The programme of the category a panel is drawn for: its parent, new or saved."""
    parent = getattr(bound_panel.form, "parent_page", None)
    if parent is None and bound_panel.instance.pk:
        parent = bound_panel.instance.get_parent()
    return parent.specific if parent is not None else None


class ProgrammeWindowPanel(Panel):
    """The programme's entry window, which applies while the category's dates are empty."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "awards/admin/programme_window_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            programme = programme_being_edited(self)
            context["window"] = getattr(programme, "entry_window", None)
            context["programme"] = programme
            return context
