from django.apps import AppConfig


class JudgingConfig(AppConfig):
    name = "judging"
    label = "judging"
    verbose_name = "Judging and results"

    def ready(self):
        from forms.entry_extras import register_entry_panel
        from publishing.invalidation import watch_saves
        from publishing.serving import register_time_horizon

        from . import account_signals
        from .feedback import feedback_panel
        from .models import Result
        from .results import next_announcement

        # A result marked, changed or cleared changes what the category page shows once
        # its announcement is past: every cache forgets it (before the announcement the
        # page does not show it, and a new content version changes nothing visible).
        watch_saves(Result)
        # A cached page never outlives the next moment a shortlist or winners appear.
        register_time_horizon(next_announcement)
        # After the winners, the entrant's entry page shows the judges' feedback.
        register_entry_panel(feedback_panel)
        # A judge's panels, sheets and conflicts in their data download and deletion page.
        account_signals.connect()
