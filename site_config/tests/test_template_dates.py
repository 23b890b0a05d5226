"""Every template writes dates and times one way: through the uk_dates filters
(publishing/templatetags/uk_dates.py), never Django's |date or |time with a format of its own.

Only machine formats may use |date, for attributes such as <time datetime="...">.
"""

import re
from pathlib import Path

from django.conf import settings

MACHINE_FORMATS = {"c", "Y-m-d", "U"}
# |date or |time, with or without a format; humanize's words for dates too.
DATE_FILTER = re.compile(
    r"\|\s*(?P<name>date|time|naturalday|naturaltime)\b(?:\s*:\s*(?P<q>[\"'])(?P<format>.*?)(?P=q))?"
)


def template_files() -> list[Path]:
    base = Path(settings.BASE_DIR)
    roots = [base / "templates", *sorted(base.glob("*/templates"))]
    return sorted(
        path
        for root in roots
        for path in root.rglob("*")
        if path.suffix in {".html", ".txt"} and ".venv" not in path.parts
    )


def human_date_formats(text: str) -> list[str]:
    return [
        match.group(0)
        for match in DATE_FILTER.finditer(text)
        if match.group("name") != "date" or match.group("format") not in MACHINE_FORMATS
    ]


def test_the_scan_finds_the_formats_it_forbids():
    assert human_date_formats('{{ d|date:"j F Y, H:i" }} {{ d|date }} {{ d|time:"H:i" }}') == [
        '|date:"j F Y, H:i"',
        "|date",
        '|time:"H:i"',
    ]
    assert human_date_formats("{{ d|date:'c' }} {{ d|date:\"Y-m-d\" }} {{ d|uk_datetime }}") == []


def test_no_template_writes_a_date_with_a_format_of_its_own():
    files = template_files()
    assert any(path.name == "category_page.html" for path in files)
    found = []
    for path in files:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            name = str(path.relative_to(settings.BASE_DIR))
            found += [f"{name}:{number}: {bad}" for bad in human_date_formats(line)]
    assert found == [], (
        "Write dates with the uk_dates filters ({% load uk_dates %}: uk_datetime for a moment, "
        "uk_date for a date, uk_time for a time of day), not Django's date formats:\n"
        + "\n".join(found)
    )
