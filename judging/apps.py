from django.apps import AppConfig


class JudgingConfig(AppConfig):
    name = "judging"
    label = "judging"
    verbose_name = "Judging and results"
