from django.apps import AppConfig


class FormsConfig(AppConfig):
    name = "forms"
    label = "forms"
    verbose_name = "Entry forms and entries"

    def ready(self):
        from publishing.invalidation import watch_publishing

        from .models import EntryForm

        # Entrants see a form once it is published; its drafts change nothing they see.
        watch_publishing(EntryForm)
