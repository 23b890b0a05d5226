"""The organisers' leaderboard in the Wagtail admin: what it shows, who may see it, and the
outcome buttons."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from forms.tests.builders import build_user
from judging.models import Outcome, Result

from .builders import build_submitted_entry
from .test_leaderboard import build_example


def organiser_with(*codenames):
    user = build_user(
        "organiser@example.org", is_staff=True, first_name="Olu", last_name="Organiser"
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


@pytest.fixture
def organiser(db):
    return organiser_with("manage_judging")


@pytest.fixture
def example(judged_category):
    entries, judges = build_example(judged_category)
    return judged_category, entries


# What Wagtail's admin reads for any admin page (session, user, permissions, the menu,
# the user's profile and locale) and the session's save: not the leaderboard's own work.
ADMIN_CHROME = (
    "django_session",
    "accounts_user",
    "auth_permission",
    "wagtailusers_userprofile",
    "wagtailcore_locale",
    "wagtailcore_grouppagepermission",
    "wagtailcore_groupcollectionpermission",
    "wagtailcore_groupsitepermission",
)


def own_queries(queries) -> list[str]:
    """The page's own queries: those that are not the admin chrome or savepoints."""
    found = []
    for query in queries.captured_queries:
        sql = query["sql"]
        first_table = sql.split(" FROM ", 1)[-1].split()[0].strip('"') if " FROM " in sql else ""
        if sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", 'UPDATE "django_session"')):
            continue
        if first_table in ADMIN_CHROME:
            continue
        found.append(sql)
    return found


def test_the_leaderboard_shows_every_figure_in_rank_order(client, organiser, example):
    category, entries = example
    client.force_login(organiser)
    response = client.get(reverse("judging_leaderboard", args=[category.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # The explanations come before the table.
    assert html.index("What the figures mean") < html.index("listing leaderboard")
    for text in ("7.25", "7.11", "0.756", "5.67", "5.56", "-0.364", "-0.588", "3 of 3", "2 of 3"):
        assert text in html
    rows = [html.index(f'<span class="reference">{entries[x].reference}</span>') for x in "ABCD"]
    assert rows == sorted(rows)
    assert "Trust A" in html and "Project A" in html  # organisers are never blind
    assert '<td class="num">0 / 0 / 1</td>' in html  # D's qualifying round: yes / maybe / no


def test_the_page_does_at_most_ten_queries_of_its_own_whatever_the_number_of_sheets(
    client, organiser, example, django_assert_max_num_queries
):
    from .builders import build_judge
    from .test_leaderboard import sheet

    category, entries = example
    client.force_login(organiser)
    url = reverse("judging_leaderboard", args=[category.pk])
    client.get(url)  # the programme's announcement times are then cached, as on a live site
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    panel = entries["A"].judging_assignments.first().panel
    judges = [build_judge() for _ in range(3)]
    for n in range(12):
        entry = build_submitted_entry(category)
        for judge in judges:
            sheet(panel, judge, entry, (n % 11, 5, 7))
    with django_assert_max_num_queries(30) as large:
        response = client.get(url)
    assert response.content.decode().count('<tr id="entry-') == 16
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(own_queries(large)) <= 10


def test_the_index_lists_the_judged_categories(client, organiser, example):
    category, _ = example
    client.force_login(organiser)
    response = client.get(reverse("judging_leaderboards"))
    assert response.status_code == 200
    assert reverse("judging_leaderboard", args=[category.pk]) in response.content.decode()


def test_staff_without_the_judging_permission_get_403(client, example):
    category, _ = example
    client.force_login(organiser_with())
    for url in (
        reverse("judging_leaderboards"),
        reverse("judging_leaderboard", args=[category.pk]),
        reverse("judging_leaderboard_export", args=[category.pk, "csv"]),
        reverse("judging_shortlist_email", args=[category.pk]),
    ):
        assert client.get(url).status_code == 403
    assert (
        client.post(reverse("judging_leaderboard_outcome", args=[category.pk])).status_code == 403
    )


def test_a_page_that_is_not_judged_is_404(client, organiser, home_page):
    client.force_login(organiser)
    assert client.get(reverse("judging_leaderboard", args=[home_page.pk])).status_code == 404


def test_marking_a_winner_then_clearing_it(client, organiser, example):
    category, entries = example
    client.force_login(organiser)
    url = reverse("judging_leaderboard_outcome", args=[category.pk])
    response = client.post(url, {"set": f"{entries['A'].pk} winner"}, follow=True)
    result = Result.objects.get(entry=entries["A"])
    assert (result.outcome, result.decided_by) == (Outcome.WINNER, organiser)
    assert f"{entries['A'].reference}: Winner." in response.content.decode()
    assert "1 entry on the shortlist" in response.content.decode()

    client.post(url, {"set": f"{entries['A'].pk} clear"})
    assert not Result.objects.filter(entry=entries["A"]).exists()


@pytest.mark.parametrize(
    ("entry", "outcome", "message"),
    [
        ("A", "champion", "Choose shortlisted, highly commended, winner or clear."),
        ("elsewhere", "winner", "is not a submitted entry of this category"),
        ("nonsense", "winner", "is not a submitted entry of this category"),
    ],
)
def test_a_bad_outcome_is_refused_with_a_message_and_nothing_changes(
    client, organiser, example, home_page, entry, outcome, message
):
    category, entries = example
    other = build_submitted_entry(category)
    other.page = home_page
    other.save()
    entry_id = {"A": entries["A"].pk, "elsewhere": other.pk, "nonsense": "x1"}[entry]
    client.force_login(organiser)
    response = client.post(
        reverse("judging_leaderboard_outcome", args=[category.pk]),
        {"set": f"{entry_id} {outcome}"},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Result.objects.exists()


def test_the_outcome_buttons_only_answer_a_post(client, organiser, example):
    category, _ = example
    client.force_login(organiser)
    assert client.get(reverse("judging_leaderboard_outcome", args=[category.pk])).status_code == 405


def test_an_unknown_export_format_is_404(client, organiser, example):
    category, _ = example
    client.force_login(organiser)
    url = reverse("judging_leaderboard_export", args=[category.pk, "pdf"])
    assert client.get(url).status_code == 404


def test_what_entrants_typed_is_escaped_in_the_table(client, organiser, judged_category):
    from .test_leaderboard import entry_with

    entry_with(
        judged_category,
        "PRA-2026-0666",
        organisation_name='<script>alert("x")</script> Trust',
        entry_title="Fish & <b>chips</b>",
    )
    client.force_login(organiser)
    html = client.get(reverse("judging_leaderboard", args=[judged_category.pk])).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Trust" in html
    assert "Fish &amp; &lt;b&gt;chips&lt;/b&gt;" in html
    assert '<script>alert("x")' not in html


def test_entries_managers_find_leaderboards_in_the_judging_menu(client, example):
    from django.contrib.auth.models import Group

    manager = build_user("manager@example.org", is_staff=True)
    manager.groups.add(Group.objects.get(name="Entries managers"))
    client.force_login(manager)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("judging_leaderboards") in home
    assert client.get(reverse("judging_leaderboards")).status_code == 200
