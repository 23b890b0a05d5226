"""The panel form: which categories a panel judges and how, with the refusals that keep a
panel workable (no category without criteria, none on two panels)."""

from __future__ import annotations

from django import forms
from wagtail.models import Page

from forms.hosting import host_models

from ..hosting import as_judged
from ..models import Panel

MAX_JUDGES_PER_ENTRY = 20


def judged_pages():
    """The pages that take entries and can be judged, in tree order."""
    models = [model for model in host_models() if hasattr(model, "judging_criteria")]
    if not models:
        return Page.objects.none()
    return Page.objects.type(*models).order_by("path")


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, page) -> str:
        parent = page.get_parent()
        return f"{page.title} ({parent.title})" if parent and not parent.is_root() else page.title


class PanelForm(forms.ModelForm):
    categories = CategoryChoiceField(
        queryset=Page.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="The categories whose submitted entries this panel judges, with their "
        "programme. A category can be on one panel only.",
        error_messages={"required": "Choose at least one category for the panel to judge"},
    )
    judges_per_entry = forms.IntegerField(
        min_value=1,
        max_value=MAX_JUDGES_PER_ENTRY,
        initial=3,
        help_text="Used when entries are shared out: how many judges score each one (1 to 20).",
        error_messages={
            "required": "Enter how many judges score each entry, from 1 to 20",
            "invalid": "Enter how many judges score each entry as a whole number, from 1 to 20",
            "min_value": "Each entry needs at least 1 judge: enter a number from 1 to 20",
            "max_value": "Enter at most 20 judges per entry",
        },
    )

    class Meta:
        model = Panel
        fields = [
            "name",
            "categories",
            "blind",
            "assignment",
            "judges_per_entry",
            "qualifying_round",
        ]
        widgets = {"assignment": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter a name for the panel"}}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].queryset = judged_pages()

    def clean_categories(self):
        pages = list(self.cleaned_data["categories"])
        problems = []
        for page in pages:
            host = as_judged(page)
            if host is None or not host.judging_criteria():
                problems.append(
                    f"{page.title} has no criteria sections to score against. "
                    "Add criteria on the category page first."
                )
        taken = (
            Panel.objects.filter(categories__in=pages)
            .exclude(pk=self.instance.pk)
            .values_list("name", "categories__pk")
        )
        by_page = {page.pk: page for page in pages}
        for panel_name, page_id in taken:
            if page_id in by_page:
                problems.append(
                    f"{by_page[page_id].title} is already judged by the panel “{panel_name}”. "
                    "Take it off that panel first."
                )
        if problems:
            raise forms.ValidationError(problems)
        return self.cleaned_data["categories"]
