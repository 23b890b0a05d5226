from django.apps import AppConfig


class FormsConfig(AppConfig):
    name = "forms"
    label = "forms"
    verbose_name = "Entry forms and entries"

    def ready(self) -> None:
        from publishing.invalidation import watch_publishing

        from . import account_signals
        from .models import EntryForm

        # Entrants see a form once it is published; its drafts change nothing they see.
        watch_publishing(EntryForm)
        # What happens to entries when their entrant downloads their data or leaves.
        account_signals.connect()
