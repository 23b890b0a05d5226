"""Deadlines are written the GOV.UK way, in UK time, whatever the server's clock says."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from awards.templatetags.awards_tags import page_description, uk_date, uk_datetime

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(2027, 1, 6, 12, 0, tzinfo=LONDON), "12pm on Wednesday 6 January 2027"),
        (datetime(2027, 1, 6, 9, 30, tzinfo=LONDON), "9:30am on Wednesday 6 January 2027"),
        (datetime(2027, 1, 6, 17, 5, tzinfo=LONDON), "5:05pm on Wednesday 6 January 2027"),
        (datetime(2027, 1, 6, 0, 0, tzinfo=LONDON), "12am on Wednesday 6 January 2027"),
        # British Summer Time: 11:00 UTC is noon in London.
        (datetime(2027, 6, 30, 11, 0, tzinfo=UTC), "12pm on Wednesday 30 June 2027"),
        # Late evening UTC is already the next day in London in summer.
        (datetime(2027, 6, 30, 23, 30, tzinfo=UTC), "12:30am on Thursday 1 July 2027"),
    ],
)
def test_uk_datetime_writes_the_time_then_the_day_in_uk_time(moment, shown):
    assert uk_datetime(moment) == shown


def test_uk_date_writes_the_weekday_and_day_without_a_leading_zero():
    assert uk_date(date(2027, 2, 1)) == "Monday 1 February 2027"


def test_empty_values_show_nothing():
    assert uk_datetime(None) == ""
    assert uk_date(None) == ""


def test_filters_work_in_templates():
    template = Template("{% load awards_tags %}Closes {{ closes|uk_datetime }}")
    closes = datetime(2027, 1, 6, 12, 0, tzinfo=LONDON)
    assert template.render(Context({"closes": closes})) == (
        "Closes 12pm on Wednesday 6 January 2027"
    )


class _Page:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def test_page_description_prefers_the_editors_description_then_the_summary_then_the_intro():
    assert page_description(_Page(search_description="Set by an editor", summary="S")) == (
        "Set by an editor"
    )
    assert page_description(_Page(search_description="", summary="One line")) == "One line"
    assert page_description(_Page(search_description="", intro="<p>An <b>intro</b></p>")) == (
        "An intro"
    )
    assert page_description(None) == ""
