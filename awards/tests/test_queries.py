"""What a page costs the database: a fixed budget, whatever the page holds (issue #7).

A page is rendered (the page cache off) after one warm-up request, as on a
running site: the sponsor's logo rendition exists, and the route, the footer
and the view restrictions are in the cache. The budgets are the issue's:
a category page in at most 10 queries for a visitor, 14 for an entrant with a
draft, and a draft save in at most 6; and none of them grows with the
number of questions, sections or contacts. An anonymous page served from the
page cache costs none.
"""

import re
from contextlib import nullcontext

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from awards.models import ProgrammeSponsor
from awards.tests.builders import (
    attach_contacts,
    build_category,
    build_contact,
    build_home,
    build_programme,
    build_sponsor,
    set_default_contacts,
)
from forms.tests.builders import build_entry, build_entry_form, build_user, question, section

pytestmark = pytest.mark.django_db

ANONYMOUS_BUDGET = 10
SIGNED_IN_BUDGET = 14
SAVE_BUDGET = 6
TRANSACTION_CONTROL = re.compile(r"^(BEGIN|COMMIT|SAVEPOINT|RELEASE SAVEPOINT)\b")


def queries_to_render(client, url: str, within=None) -> int:
    """Queries to render a page once warm, without the whole-page cache.

    ``within``: a django_assert_max_num_queries(budget) context to render inside.
    """
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert client.get(url).status_code == 200
        with within or nullcontext(), CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def entry_form(questions: int, sections: int):
    """A form of long-answer questions spread over the given number of sections."""
    per_section = max(questions // sections, 1)
    return build_entry_form(
        [
            section(
                f"Section {s}",
                *[
                    question("long_text", f"q_{s}_{n}", f"Question {s}.{n}", max_words=300)
                    for n in range(per_section)
                ],
            )
            for s in range(sections)
        ],
        title=f"{questions} questions",
    )


def category_with(programme, *, slug, questions, sections, contacts, first_contact):
    category = build_category(
        programme,
        title=f"Category {slug}",
        slug=slug,
        sections=sections,
        sponsor=build_sponsor(first_contact),
        entry_form=entry_form(questions, sections),
    )
    attach_contacts(category, contacts, first=first_contact)
    return category


@pytest.fixture
def small_and_large():
    home = build_home()
    set_default_contacts(home, [build_contact(90)])
    programme = build_programme(home)
    small = category_with(
        programme, slug="small", questions=1, sections=1, contacts=1, first_contact=1
    )
    large = category_with(
        programme, slug="large", questions=24, sections=6, contacts=10, first_contact=20
    )
    return small, large


def test_anonymous_category_page_within_budget_and_constant(
    client, small_and_large, django_assert_max_num_queries
):
    small, large = small_and_large
    cost = queries_to_render(client, small.url, django_assert_max_num_queries(ANONYMOUS_BUDGET))
    assert queries_to_render(client, large.url) == cost


def test_signed_in_category_page_with_a_draft_within_budget_and_constant(
    client, small_and_large, django_assert_max_num_queries
):
    small, large = small_and_large
    user = build_user()
    for page in (small, large):
        keys = list(page.entry_form.definition.questions)
        build_entry(user, page, answers={key: "Our answer " * 200 for key in keys})
    client.force_login(user)

    cost = queries_to_render(client, small.url, django_assert_max_num_queries(SIGNED_IN_BUDGET))
    assert queries_to_render(client, large.url) == cost
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert "Question 5.3" in client.get(large.url).content.decode()  # the draft is shown


@pytest.mark.django_db(transaction=True)
def test_draft_save_within_budget_and_constant(client, django_assert_max_num_queries):
    """Committed for real (no test transaction around it, so no savepoints are counted)."""
    home = build_home()
    programme = build_programme(home)
    small = category_with(
        programme, slug="small", questions=1, sections=1, contacts=1, first_contact=1
    )
    large = category_with(
        programme, slug="large", questions=24, sections=6, contacts=10, first_contact=20
    )
    user = build_user()
    client.force_login(user)
    entries = {page: build_entry(user, page) for page in (small, large)}
    # As between two autosaves: the session is fresh and the entrant has their draft open.
    for page in (small, large):
        assert "Your entry" in client.get(page.url).content.decode()
    costs = []
    for page, entry in entries.items():
        data = {key: "Our answer " * 200 for key in page.entry_form.definition.questions}
        url = f"/entries/{entry.public_id}/save/"
        # The database backends log the save's BEGIN and COMMIT as statements too:
        # the budget is for the statements that read or write (checked below).
        with django_assert_max_num_queries(SAVE_BUDGET + 2):
            with CaptureQueriesContext(connection) as queries:
                response = client.post(url, {**data, "version": 1}, HTTP_ACCEPT="application/json")
        assert response.json()["ok"] is True
        statements = [q["sql"] for q in queries if not TRANSACTION_CONTROL.match(q["sql"])]
        assert len(statements) <= SAVE_BUDGET
        costs.append(len(statements))
        entry.refresh_from_db()
        assert entry.version == 2 and entry.answers == data
    assert costs[0] == costs[1]


def test_anonymous_page_from_the_page_cache_costs_no_query(client, small_and_large):
    small, _ = small_and_large
    first = client.get(small.url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(small.url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_category_page_queries_do_not_grow_with_site_default_contacts(client):
    home = build_home()
    programme = build_programme(home)
    category = build_category(programme)
    set_default_contacts(home, [build_contact(1)])
    one_contact = queries_to_render(client, category.url)

    set_default_contacts(home, [build_contact(n) for n in range(2, 11)])
    assert queries_to_render(client, category.url) == one_contact


def test_programme_page_queries_do_not_grow_with_categories_contacts_or_sponsors(client):
    home = build_home()
    small = build_programme(home, title="Small Awards", slug="small")
    build_category(small)
    ProgrammeSponsor.objects.create(page=small, sponsor=build_sponsor(1))
    large = build_programme(home, title="Large Awards", slug="large")
    for n in range(10):
        build_category(large, title=f"Category {n}", slug=f"category-{n}")
    for n in range(2, 12):
        ProgrammeSponsor.objects.create(page=large, sponsor=build_sponsor(n))
    attach_contacts(large, 10)
    attach_contacts(small, 1, first=30)

    assert queries_to_render(client, large.url) == queries_to_render(client, small.url)


def test_home_page_queries_do_not_grow_with_categories(client):
    home = build_home()
    programme = build_programme(home)
    build_category(programme, title="Only category", slug="only")
    one_category = queries_to_render(client, home.url)

    for n in range(10):
        build_category(programme, title=f"Category {n}", slug=f"category-{n}")
    build_category(build_programme(home, title="Other Awards", slug="other"))
    assert queries_to_render(client, home.url) == one_category


def test_the_first_render_after_a_publish_is_also_constant(client, small_and_large):
    """With every cache empty (as after a publish): more queries, once, the same for any size."""
    from django.core.cache import cache

    from publishing import content_version

    def cold(url: str) -> int:
        client.get(url)
        cache.clear()
        content_version.forget_kept_values()
        with override_settings(PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        return len(q)

    small, large = small_and_large
    assert cold(small.url) == cold(large.url)
