from django.core.management.base import BaseCommand

from forms.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email entrants whose drafts are not submitted, N days before the deadline "
        "(N per programme). Safe to run as often as you like, e.g. hourly from cron: "
        "each draft is reminded once per deadline."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
