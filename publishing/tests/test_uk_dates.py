"""One way to write dates and times, in UK time, everywhere: "5pm on Friday 26 February 2027"
for a moment, "26 February 2027" for a date, "2:32pm" for a time of day."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from publishing.templatetags.uk_dates import uk_date, uk_datetime, uk_time

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        # Greenwich Mean Time in winter: UTC and UK clocks agree.
        (datetime(2027, 2, 26, 17, 0, tzinfo=UTC), "5pm on Friday 26 February 2027"),
        (datetime(2027, 2, 26, 17, 30, tzinfo=UTC), "5:30pm on Friday 26 February 2027"),
        (datetime(2027, 2, 26, 9, 5, tzinfo=UTC), "9:05am on Friday 26 February 2027"),
        # British Summer Time: UK clocks are an hour ahead of UTC.
        (datetime(2027, 6, 4, 16, 0, tzinfo=UTC), "5pm on Friday 4 June 2027"),
        # Midday and midnight in words, as GOV.UK style asks, not 12pm and 12am.
        (datetime(2027, 2, 26, 12, 0, tzinfo=UTC), "midday on Friday 26 February 2027"),
        (datetime(2027, 6, 4, 11, 0, tzinfo=UTC), "midday on Friday 4 June 2027"),
        (datetime(2027, 2, 26, 0, 0, tzinfo=UTC), "midnight on Friday 26 February 2027"),
        (datetime(2027, 2, 26, 12, 30, tzinfo=UTC), "12:30pm on Friday 26 February 2027"),
        (datetime(2027, 2, 26, 0, 15, tzinfo=UTC), "12:15am on Friday 26 February 2027"),
        # Late on a UTC evening in summer is already the next day in the UK.
        (datetime(2027, 6, 4, 23, 30, tzinfo=UTC), "12:30am on Saturday 5 June 2027"),
        # Moments stored with the UK's own zone.
        (datetime(2027, 1, 6, 9, 30, tzinfo=LONDON), "9:30am on Wednesday 6 January 2027"),
        (datetime(2027, 1, 6, 17, 5, tzinfo=LONDON), "5:05pm on Wednesday 6 January 2027"),
        (datetime(2027, 6, 30, 12, 0, tzinfo=LONDON), "midday on Wednesday 30 June 2027"),
    ],
)
def test_a_moment_is_the_uk_time_then_the_day(moment, shown):
    assert uk_datetime(moment) == shown


def test_a_date_is_the_day_month_and_year_without_a_leading_zero():
    assert uk_date(date(2027, 2, 1)) == "1 February 2027"
    assert uk_date(datetime(2027, 2, 26, 17, 0, tzinfo=UTC)) == "26 February 2027"
    # The UK's date, not UTC's.
    assert uk_date(datetime(2027, 6, 4, 23, 30, tzinfo=UTC)) == "5 June 2027"


def test_a_time_of_day_says_when_in_the_uk():
    assert uk_time(datetime(2027, 6, 4, 13, 32, tzinfo=UTC)) == "2:32pm"
    assert uk_time(datetime(2027, 2, 26, 14, 32, tzinfo=UTC)) == "2:32pm"
    assert uk_time(datetime(2027, 2, 26, 9, 0, tzinfo=UTC)) == "9am"
    assert uk_time(datetime(2027, 2, 26, 12, 0, tzinfo=UTC)) == "midday"
    assert uk_time(datetime(2027, 2, 26, 0, 0, tzinfo=UTC)) == "midnight"


def test_uk_time_whatever_time_zone_is_active():
    with timezone.override("America/New_York"):
        assert uk_datetime(datetime(2027, 6, 4, 16, 0, tzinfo=UTC)) == "5pm on Friday 4 June 2027"
        assert uk_time(datetime(2027, 6, 4, 16, 0, tzinfo=UTC)) == "5pm"


def test_a_time_without_a_zone_is_taken_as_uk_time():
    assert uk_datetime(datetime(2027, 6, 4, 17, 0)) == "5pm on Friday 4 June 2027"


def test_a_date_given_for_a_moment_is_written_as_a_date():
    assert uk_datetime(date(2027, 2, 26)) == "26 February 2027"


def test_nothing_is_written_for_no_value():
    assert uk_datetime(None) == ""
    assert uk_date(None) == ""
    assert uk_time(None) == ""
    assert uk_datetime("") == ""


def test_templates_use_them_as_filters():
    template = Template(
        "{% load uk_dates %}Closes {{ closes|uk_datetime }}. Opens {{ opens|uk_date }}. "
        "Saved at {{ saved|uk_time }}."
    )
    shown = template.render(
        Context(
            {
                "closes": datetime(2027, 2, 26, 17, 0, tzinfo=UTC),
                "opens": date(2027, 1, 4),
                "saved": datetime(2027, 2, 26, 14, 32, tzinfo=UTC),
            }
        )
    )
    assert shown == (
        "Closes 5pm on Friday 26 February 2027. Opens 4 January 2027. Saved at 2:32pm."
    )
