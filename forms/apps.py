from django.apps import AppConfig


class FormsConfig(AppConfig):
    name = "forms"
    label = "forms"
    verbose_name = "Entry forms and entries"

    def ready(self) -> None:
        from . import account_signals

        account_signals.connect()
