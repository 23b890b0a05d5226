import copy
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

from forms.blocks import FormStreamBlock
from forms.definitions import FormDefinition
from forms.form_previews import EntryFormPreviewMixin
from forms.question_keys import QuestionKeysError, settle_keys


class EntryForm(
    EntryFormPreviewMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    models.Model,
):
    """An entry form editors build: an intro, then sections of typed questions.

    Entrants always see the published version. Each question's key is made
    from its label once and never changed (``settle_question_keys``), so
    renaming never orphans an answer. Editors preview it as entrants will see
    it, with the criteria of each page that uses it (forms/form_previews.py).
    """

    title = models.CharField(max_length=255)
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    sections = StreamField(FormStreamBlock(), blank=True)

    panels = [FieldPanel("title"), FieldPanel("intro"), FieldPanel("sections")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = "entry form"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "sections" in update_fields:
            self.settle_question_keys()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.settle_question_keys()

    def save_revision(self, *args, clean=True, **kwargs):
        if not clean:  # otherwise full_clean settles them
            self.settle_question_keys()
        return super().save_revision(*args, clean=clean, **kwargs)

    @cached_property
    def definition(self) -> FormDefinition:
        return FormDefinition.from_stream(self.sections.raw_data)

    def settle_question_keys(self) -> None:
        """Check every question's key against the saved form and make the missing ones.

        Raises ValidationError, on each refused question's key, for a key that is
        not snake case, is another question's, or differs from the one the
        question was saved with (forms/question_keys.py has the rules). Runs on
        every clean and save, so neither the snippet editor nor code can store one.
        """
        raw = copy.deepcopy(list(self.sections.raw_data))
        problems = settle_keys(raw, self.stored_question_keys())
        if problems:
            raise ValidationError({"sections": QuestionKeysError(problems)})
        if raw != list(self.sections.raw_data):
            self.sections = raw
        self.__dict__.pop("definition", None)

    def stored_question_keys(self) -> dict[str, set[str]]:
        """The key each saved question (by block id) has in the live form and its latest draft."""
        if self.pk is None:
            return {}
        live = EntryForm.objects.filter(pk=self.pk).select_related("latest_revision").first()
        if live is None:
            return {}
        versions = [live.sections.raw_data]
        if live.latest_revision is not None:
            versions.append(live.latest_revision.as_object().sections.raw_data)
        stored: dict[str, set[str]] = {}
        for raw in versions:
            for section in raw:
                for child in (section.get("value") or {}).get("questions") or []:
                    key = (child.get("value") or {}).get("key")
                    if child.get("id") and key:
                        stored.setdefault(child["id"], set()).add(key)
        return stored
