"""Builders for entry forms and entries in tests."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile

from accounts.models import User
from forms.models import Entry, EntryFile, EntryForm


def question(block_type: str, key: str, label: str | None = None, **value) -> tuple[str, dict]:
    value.setdefault("required", True)
    return (block_type, {"key": key, "label": label or key.replace("_", " ").capitalize(), **value})


def section(heading: str, *questions) -> tuple[str, dict]:
    return ("section", {"heading": heading, "guidance": "", "questions": list(questions)})


def default_sections() -> list:
    return [
        section(
            "Your organisation",
            question("short_text", "organisation_name", "Organisation name", max_words=10),
            question("email", "contact_email", "Contact email"),
        ),
        section(
            "Context",
            question("long_text", "context", "Describe the context", max_words=20),
            question("long_text", "notes", "Anything else", required=False),
        ),
        section(
            "Evidence",
            question(
                "file",
                "evidence",
                "Supporting document",
                required=False,
                file_types=["pdf", "docx"],
                max_size_mb=1,
            ),
        ),
    ]


def build_entry_form(sections: list | None = None, title: str = "Test entry form") -> EntryForm:
    form = EntryForm(title=title, sections=sections if sections is not None else default_sections())
    form.save()
    return form


def build_user(email: str = "entrant@example.org", *, verified: bool = True, **fields) -> User:
    fields.setdefault("first_name", "Ada")
    fields.setdefault("last_name", "Entrant")
    fields.setdefault("organisation", "Northshire NHS Trust")
    user = User.objects.create_user(email, "a-long-password-123", **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def complete_answers() -> dict:
    return {
        "organisation_name": "Northshire NHS Trust",
        "contact_email": "team@example.org",
        "context": "We cut waiting lists by half in a year.",
    }


def build_entry(user: User, page, **fields) -> Entry:
    fields.setdefault("form", page.specific.entry_form)
    return Entry.objects.create(entrant=user, page=page, **fields)


def build_entry_file(
    entry: Entry, content: bytes, *, key: str = "evidence", name: str = "evidence.pdf"
) -> EntryFile:
    """A stored file row written directly, as whatever a past upload left in the database."""
    return EntryFile.objects.create(
        entry=entry,
        question_key=key,
        file=ContentFile(content, name="upload.pdf"),
        original_name=name,
        content_type="application/pdf",
        size=len(content),
    )
