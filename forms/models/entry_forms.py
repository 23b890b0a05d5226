import copy
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index

from forms.blocks import FormStreamBlock
from forms.definitions import FormDefinition

KEY_MAX_LENGTH = 48


class EntryForm(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """An entry form editors build: an intro, then sections of typed questions.

    Entrants always see the published version. Each question's key is assigned
    once (see ``assign_question_keys``) so renaming never orphans an answer.
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
        self.assign_question_keys()
        super().save(*args, **kwargs)

    @cached_property
    def definition(self) -> FormDefinition:
        return FormDefinition.from_stream(self.sections.raw_data)

    def assign_question_keys(self) -> None:
        """Give every question without a key a unique one, made from its label once."""
        raw = copy.deepcopy(list(self.sections.raw_data))
        questions = [q["value"] for section in raw for q in section["value"].get("questions") or []]
        taken = {q["key"] for q in questions if q.get("key")}
        changed = False
        for section in raw:
            for question in section["value"].get("questions") or []:
                value = question["value"]
                if value.get("key"):
                    continue
                base = slugify(value.get("label") or question["type"]).replace("-", "_")
                base = (base or question["type"])[: KEY_MAX_LENGTH - 4]
                key, n = base, 2
                while key in taken:
                    key, n = f"{base}_{n}", n + 1
                value["key"] = key
                taken.add(key)
                changed = True
        if changed:
            self.sections = raw
        self.__dict__.pop("definition", None)

    def clean(self):
        super().clean()
        seen: set[str] = set()
        for section in self.sections.raw_data:
            for question in section["value"].get("questions") or []:
                key = question["value"].get("key")
                if not key:
                    continue
                if key in seen:
                    raise ValidationError(
                        {
                            "sections": f"Two questions share the key “{key}”. Clear one to get a new key."
                        }
                    )
                seen.add(key)

    def save_revision(self, *args, **kwargs):
        self.assign_question_keys()
        return super().save_revision(*args, **kwargs)
