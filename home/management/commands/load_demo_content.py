"""Build the demo site from the home page down. Safe to run again: it updates in place.

The pages are built by home/demo_pages.py, the contacts, sponsors and site
settings by home/demo_snippets.py, the judged programme (entries, judges, sheets,
results) by home/demo_judging.py, the open partnership category with its
eligibility check by home/demo_eligibility.py; the categories' text is home/demo_data.py.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo_eligibility, demo_judging, demo_pages, demo_snippets


class Command(BaseCommand):
    help = "Load (or refresh) the demo awards content: programmes, categories, guidance, contacts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--categories",
            type=int,
            default=0,
            help="Also add N generated categories (load tests).",
        )
        parser.add_argument(
            "--partnership-open",
            action="store_true",
            help="Open the Partnership Awards category for entries (its programme stays "
            "closed), to try the partner's confirmation.",
        )

    @transaction.atomic
    def handle(self, *args, categories: int = 0, partnership_open: bool = False, **options):
        home = demo_pages.home_page()
        contacts = demo_snippets.contacts()
        sponsor = demo_snippets.sponsor()
        demo_snippets.site_settings(home, contacts)
        open_programme = demo_pages.open_programme(home, contacts, sponsor)
        performance_recovery = demo_pages.performance_recovery(
            open_programme, contacts, demo_snippets.category_sponsor("Brightwater")
        )
        # An open partnership category that asks who may enter before an entry starts.
        demo_eligibility.private_sector_partnership(open_programme, contacts, performance_recovery)
        closed_programme = demo_pages.closed_programme(home, contacts)
        demo_pages.community_partnership(
            closed_programme,
            contacts,
            demo_snippets.category_sponsor("Kestrel"),
            open_for_entries=partnership_open,
        )
        # Last year's programme, judged: its shortlist, winners and the judges' feedback.
        demo_judging.healthcare_awards(home, contacts, performance_recovery.entry_form)
        demo_pages.guidance(home)
        demo_pages.contacts_page(home)
        for number in range(1, categories + 1):
            demo_pages.generated_category(open_programme, number)
        self.extend(home=home, open_programme=open_programme)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def extend(self, **pages) -> None:
        """Hook for later content (entry forms) built on the same pages."""
