from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        # Wagtail's publish, unpublish, move and delete signals (and what each app
        # registers in its own ready()) change the content version.
        from .invalidation import connect

        connect()
