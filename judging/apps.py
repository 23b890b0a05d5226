from django.apps import AppConfig


class JudgingConfig(AppConfig):
    name = "judging"
    label = "judging"
    verbose_name = "Judging and results"

    def ready(self) -> None:
        from . import account_signals

        # A judge's panels, sheets and conflicts in their data download and deletion page.
        account_signals.connect()
