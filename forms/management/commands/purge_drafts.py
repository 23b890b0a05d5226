from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forms.privacy import find_stale_drafts, purge_stale_drafts


class Command(BaseCommand):
    help = (
        "Delete unsubmitted drafts, and their files, of categories that closed more than "
        "N days ago (N from --days, or DRAFT_RETENTION_DAYS). A draft given a later "
        "deadline counts from that. Safe to run daily from cron; prints one line."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Days after closing to keep drafts (default: DRAFT_RETENTION_DAYS, now {settings.DRAFT_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the drafts that would be deleted; delete nothing.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.DRAFT_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        older_than = timedelta(days=days)
        if dry_run:
            count = len(find_stale_drafts(older_than=older_than))
            verb = "Would delete"
        else:
            count = purge_stale_drafts(older_than=older_than)
            verb = "Deleted"
        self.stdout.write(
            f"{verb} {count} draft{'s' if count != 1 else ''} of categories closed "
            f"more than {days} day{'s' if days != 1 else ''} ago."
        )
