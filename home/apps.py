from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _after_last_app(sender, **kwargs):
    # post_migrate is sent once per app with models; every app's permissions exist
    # once the last of them has had its turn.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        from .staff_groups import ensure_staff_groups

        ensure_staff_groups()


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        # After every migrate (and every test-database flush) the staff roles match the code.
        post_migrate.connect(_after_last_app, dispatch_uid="ensure_staff_groups")
