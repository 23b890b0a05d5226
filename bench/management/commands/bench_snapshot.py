"""Save the benchmark category page, as an anonymous visitor gets it, to a file.

bench/run.sh puts it among the collected static files, so the same gunicorn
serves the same HTML as a static file (WhiteNoise): the yardstick for the
anonymous page's throughput.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from awards.models import CategoryPage

from .seed_bench import CATEGORY_SLUG


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path)

    def handle(self, *args, output: Path, **options):
        page = CategoryPage.objects.get(slug=CATEGORY_SLUG)
        response = Client(HTTP_HOST="127.0.0.1").get(page.url)
        if response.status_code != 200:
            raise CommandError(f"{page.url}: status {response.status_code}")
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(response.content)
        self.stdout.write(f"{page.url}: {len(response.content):,} bytes in {output}")
