"""Start a new content version: every app server forgets every cache of published content.

Run it once per deploy, after ``migrate``: values cached by the code before
(pickled dataclasses and pages) are then never read by the new code.
"""

from django.core.management.base import BaseCommand

from publishing.content_version import bump_content_version, content_version


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def handle(self, *args, **options):
        bump_content_version()
        self.stdout.write(f"New content version: {content_version()}")
