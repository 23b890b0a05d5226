from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Page

from awards.models import CategoryPage, ContactsPage, GuidancePage, ProgrammePage
from awards.search import find_contacts, find_sponsors

SEARCHABLE = (ProgrammePage, CategoryPage, GuidancePage, ContactsPage)


def search_terms(query: str) -> str:
    """The words to search for: no control characters (PostgreSQL refuses a NUL, SQLite's
    full-text search fails on one; site_config.query_checks refuses them first) and no
    quotes (a lone " is a syntax error to SQLite's FTS5)."""
    kept = "".join(
        " " if ch.isspace() or ch == '"' else ch for ch in query if ch.isprintable() or ch.isspace()
    )
    return " ".join(kept.split())


def search(request):
    """Site search over programmes, categories, guidance, contacts and sponsors."""
    query = request.GET.get("q", "").strip()[:200]
    terms = search_terms(query)
    results = Page.objects.none()
    if terms:
        results = (
            Page.objects.live().public().type(*SEARCHABLE).specific().search(terms, operator="and")
        )
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page_obj = paginator.page(1)
    # People and sponsors come first, on the first page of results (search.html).
    contacts, sponsors = find_contacts(terms), find_sponsors(terms)
    count = paginator.count + len(contacts) + len(sponsors) if query else 0
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
            "count": count,
            "contacts": contacts,
            "sponsors": sponsors,
        },
    )
