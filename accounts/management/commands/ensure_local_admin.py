import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User

ADMIN_EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = "Create (or refresh) the local admin account and print how to sign in. Development only."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="The port make run serves on.")

    def handle(self, *args, port: int = 8000, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development (DEBUG on) only.")
        # One password per checkout, kept out of git, so it stays the same across restarts.
        path = settings.BASE_DIR / ".dev-admin-password"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(12))
        password = path.read_text().strip()
        user, created = User.objects.get_or_create(
            email=ADMIN_EMAIL,
            defaults={
                "first_name": "Local",
                "last_name": "Admin",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        # Signing in through the site's own form needs a confirmed address.
        EmailAddress.objects.update_or_create(
            user=user, email=ADMIN_EMAIL, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Wagtail admin: http://127.0.0.1:{port}/admin/\n"
                f"  Email:    {ADMIN_EMAIL}\n  Password: {password}\n"
            )
        )
