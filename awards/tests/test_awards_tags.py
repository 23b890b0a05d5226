"""Awards template helpers: what search engines and link previews are told about a page.

Dates and times: publishing/tests/test_uk_dates.py.
"""

from awards.templatetags.awards_tags import page_description


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
