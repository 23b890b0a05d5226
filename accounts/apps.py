from django.apps import AppConfig
from wagtail.users import apps as wagtail_users_apps


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default = True


class WagtailUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users app with forms that know our user model (no username,
    plus organisation and job title). Listed in INSTALLED_APPS instead of
    "wagtail.users"."""

    default = False
    user_viewset = "accounts.users_admin.UserViewSet"
