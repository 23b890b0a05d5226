"""Which answers an export leaves blank: those to questions that did not apply.

An answer to a question asked only for some answers (forms/conditions.py)
stays in the entry when the entrant changes their mind, but an export, like
every reader of the entry, shows only what applied. A submitted entry is read
against its snapshot (the questions as they were), a draft against its form.

Exports of forms without conditions, the usual case, pay nothing: this reads
the entries' forms and distinct snapshots once, and reads each row's form and
snapshot (one query per chunk) only when some condition is in play.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .definitions import FormDefinition
from .models import Entry, EntryForm


class HiddenAnswers:
    def __init__(self, entries: QuerySet[Entry]):
        self.db = entries.db
        chosen = Entry.objects.using(self.db).filter(pk__in=entries.values("pk"))
        self.forms = {
            form.pk: form.definition
            for form in EntryForm.objects.filter(pk__in=chosen.values("form_id"))
        }
        snapshots = (
            chosen.filter(question_snapshot__isnull=False)
            .order_by()
            .values_list("question_snapshot", flat=True)
            .distinct()
        )
        self.wanted = any(d.has_conditions for d in self.forms.values()) or any(
            FormDefinition.from_snapshot(snapshot).has_conditions for snapshot in snapshots
        )

    def for_batch(self, batch: list[tuple[int, dict[str, Any]]]) -> dict[int, frozenset[str]]:
        """{entry id: the keys of its answers that an export leaves blank}, for (id, answers)."""
        if not self.wanted:
            return {}
        answers = dict(batch)
        rows = (
            Entry.objects.using(self.db)
            .filter(pk__in=list(answers))
            .values_list("pk", "form_id", "question_snapshot")
        )
        hidden = {}
        for pk, form_id, snapshot in rows:
            if snapshot is not None:
                definition = FormDefinition.from_snapshot(snapshot)
            else:
                definition = self.forms.get(form_id, FormDefinition())
            hidden[pk] = definition.hidden_keys(answers[pk] or {})
        return hidden
