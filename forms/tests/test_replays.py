"""Saves based on an older version: a replay or a page's own late save goes through, another tab's does not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forms import services
from forms.exceptions import StaleDraft
from forms.models import Entry
from forms.replays import clean_writer

PAGE = "page-one-4f2a9c.1"
OTHER_PAGE = "page-two-77b1e0.1"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fresh(entry) -> Entry:
    return Entry.objects.get(pk=entry.pk)


def save(entry, entrant, answers, base, writer=PAGE, **more):
    current = fresh(entry)
    current.page = entry.page
    return services.save_draft(
        entry=current, user=entrant, answers=answers, base_version=base, writer=writer, **more
    )


def test_a_replay_of_what_the_entry_holds_is_accepted_and_writes_nothing(draft, entrant):
    typed = {"context": "Typed before the reload", "notes": ""}
    save(draft, entrant, typed, base=1)  # the keepalive save: it landed after the reload's GET
    result = save(draft, entrant, typed, base=1, writer="reloaded-page-1")  # the reloaded page
    assert result.entry.version == 2
    entry = fresh(draft)
    assert entry.version == 2
    assert entry.answers["context"] == "Typed before the reload"
    assert not entry.answers.get("notes")


def test_a_pages_own_late_save_carries_its_newer_text(draft, entrant):
    save(draft, entrant, {"context": "First half"}, base=1, writer="page-one-4f2a9c.1")
    # Its reply never arrived; the page's next save names the same base.
    save(
        draft, entrant, {"context": "First half, then the rest"}, base=1, writer="page-one-4f2a9c.2"
    )
    entry = fresh(draft)
    assert entry.version == 3
    assert entry.answers["context"] == "First half, then the rest"
    assert entry.last_writer == "page-one-4f2a9c.2"


def test_a_pages_older_save_overtaken_on_the_way_writes_nothing(draft, entrant):
    save(draft, entrant, {"context": "Newer text"}, base=1, writer="page-one-4f2a9c.2")
    result = save(draft, entrant, {"context": "Older text"}, base=1, writer="page-one-4f2a9c.1")
    assert result.entry.version == 2
    assert fresh(draft).answers["context"] == "Newer text"


def test_another_tabs_change_is_still_a_conflict(draft, entrant):
    save(draft, entrant, {"context": "From the laptop"}, base=1, writer=OTHER_PAGE)
    with pytest.raises(StaleDraft) as refused:
        save(draft, entrant, {"context": "From the phone"}, base=1)
    assert refused.value.current.answers["context"] == "From the laptop"
    assert fresh(draft).answers["context"] == "From the laptop"


def test_a_save_without_a_page_id_is_never_treated_as_its_own(draft, entrant):
    save(draft, entrant, {"context": "One"}, base=1, writer="")
    with pytest.raises(StaleDraft):
        save(draft, entrant, {"context": "Two"}, base=1, writer="")


def test_a_file_chosen_on_a_stale_page_is_kept_and_its_text_merges(draft, entrant):
    # Choosing a file is a deliberate act: it is stored even if the page is behind, and
    # the text it carries, unchanged here, leaves the other tab's newer text alone.
    save(draft, entrant, {"context": "Newer, from the laptop"}, base=1, writer=OTHER_PAGE)
    upload = SimpleUploadedFile("evidence.pdf", PDF, content_type="application/pdf")
    result = save(
        draft,
        entrant,
        {"context": ""},
        base=1,
        bases={"context": 0},
        uploads={"evidence": upload},
    )
    entry = fresh(draft)
    assert entry.files.get().original_name == "evidence.pdf"
    assert entry.answers["context"] == "Newer, from the laptop"
    assert result.others == ["context"]


@pytest.mark.parametrize(
    "raw, kept",
    [
        ("page-one-4f2a9c.12", "page-one-4f2a9c.12"),
        ("page-one-4f2a9c", ""),
        ("short.1", ""),
        ("<script>.1", ""),
        ("x" * 41 + ".1", ""),
        ("page-one-4f2a9c.1234567890", ""),
    ],
)
def test_only_page_ids_the_site_makes_are_kept(raw, kept):
    assert clean_writer(raw) == kept
