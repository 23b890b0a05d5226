"""Seed what the benchmarks need; safe to re-run, and every run ends in the same state.

- the demo content, if it is missing (load_demo_content);
- "Benchmark Award", a category under the open programme whose entry form
  asks the peers' 12 questions, read from peer-bench's entry_form.json, with
  the peers' field names as question keys (so one load-generator form body
  fits every target);
- bench@example.com and bench1..N@example.com (and, with --surge-users,
  surge1..M@example.com for bench/surge.py), password "bench-pass-1234",
  email verified, each with a fresh draft on the benchmark category: earlier
  entries of these users on that page are deleted first, as the peers delete
  their earlier submissions.

The users share one password hash, computed once with the configured hasher:
hashing it hundreds of times would only slow seeding down.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from awards.models import CategoryContact, CategoryPage, ProgrammePage
from forms.models import Collaborator, Entry, EntryForm, Role
from forms.services import start_entry

PASSWORD = "bench-pass-1234"  # noqa: S105 (benchmark users on a loopback server)
CATEGORY_SLUG = "benchmark-award"
CATEGORY_TITLE = "Benchmark Award"
FORM_TITLE = "Benchmark Award entry form (peer-bench questions)"
OPEN_PROGRAMME_SLUG = "hsj-awards-2024"
TEMPLATE_CATEGORY_SLUG = "performance-recovery-award"


def default_spec() -> Path:
    home = os.environ.get("PEER_BENCH_DIR") or settings.BASE_DIR.parent / "shared" / "peer-bench"
    return Path(home) / "projects" / "entry_form.json"


def field_name(label: str) -> str:
    """The name Wagtail's form builder gives a field (the peers' names): "Impact on x" -> impact_on_x."""
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def question_block(question: dict) -> tuple[str, dict]:
    """One of the spec's questions as one of our question blocks."""
    value = {
        "key": field_name(question["label"]),
        "label": question["label"],
        "help_text": question.get("help_text", ""),
        "required": bool(question.get("required")),
    }
    kind = question["type"]
    if kind == "singleline":
        return "short_text", value
    if kind == "multiline":
        return "long_text", value
    if kind == "email":
        return "email", value
    if kind == "dropdown":
        return "single_choice", {**value, "choices": question["choices"], "widget": "select"}
    if kind == "radio":
        return "single_choice", {**value, "choices": question["choices"], "widget": "radio"}
    if kind == "checkboxes":
        return "multiple_choice", {**value, "choices": question["choices"]}
    if kind == "checkbox":
        return "yes_no", value
    if kind == "number":
        return "number", value
    if kind == "url":
        return "url", value
    if kind == "date":
        return "date", value
    raise CommandError(f"entry_form.json: no question block for type {kind!r}")


def form_sections(spec: dict) -> list[tuple[str, dict]]:
    return [
        (
            "section",
            {
                "heading": section["title"],
                "guidance": "",
                "questions": [question_block(q) for q in section["questions"]],
            },
        )
        for section in spec["sections"]
    ]


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--spec", type=Path, default=None, help="peer-bench entry_form.json")
        parser.add_argument(
            "--users", type=int, default=16, help="bench1..N@example.com (default 16)"
        )
        parser.add_argument(
            "--surge-users",
            type=int,
            default=0,
            help="also surge1..M@example.com, for bench/surge.py (default 0)",
        )
        parser.add_argument(
            "--teams",
            type=int,
            default=0,
            help="also team1..N@example.com in pairs, each pair writing one entry (default 0)",
        )
        parser.add_argument(
            "--drafts-only",
            action="store_true",
            help="only (re)create the users and their fresh drafts; the pages must exist",
        )

    def handle(self, *args, spec, users, surge_users, teams, drafts_only, **options):
        if drafts_only:
            page = CategoryPage.objects.get(slug=CATEGORY_SLUG)
            form = page.entry_form
        else:
            spec_path = spec or default_spec()
            if not spec_path.exists():
                raise CommandError(f"{spec_path} not found: pass --spec or set PEER_BENCH_DIR")
            spec_data = json.loads(spec_path.read_text())
            if not CategoryPage.objects.filter(slug=TEMPLATE_CATEGORY_SLUG).exists():
                call_command("load_demo_content", stdout=self.stdout)
            with transaction.atomic():
                form = self.entry_form(spec_data)
                page = self.category(form, spec_data)
        emails = ["bench@example.com"] + [f"bench{n}@example.com" for n in range(1, users + 1)]
        emails += [f"surge{n}@example.com" for n in range(1, surge_users + 1)]
        with transaction.atomic():
            people = self.users(emails)
            deleted, _ = Entry.objects.filter(page_id=page.pk, entrant__in=people).delete()
        for user in people:
            start_entry(user=user, page=page)
        if teams:
            self.teams(page, teams + teams % 2)
        keys = [q.key for q in form.definition.questions.values()]
        self.stdout.write(
            f"seed_bench: {page.url} ({len(keys)} questions: {', '.join(keys)}); "
            f"{len(people)} users with a fresh draft; {deleted} old entry rows deleted"
        )

    def teams(self, page: CategoryPage, count: int) -> None:
        """team1..N: each odd one owns a fresh draft the next one edits too (bench/team_save.py)."""
        with transaction.atomic():
            people = self.users([f"team{n}@example.com" for n in range(1, count + 1)])
            Entry.objects.filter(page_id=page.pk, entrant__in=people).delete()
        people.sort(key=lambda user: int(user.email[4:].split("@")[0]))
        for owner, colleague in zip(people[::2], people[1::2], strict=True):
            entry = start_entry(user=owner, page=page)
            Collaborator.objects.create(entry=entry, user=colleague, role=Role.EDIT)
        self.stdout.write(f"seed_bench: {count // 2} teams of two, one draft each")

    def entry_form(self, spec: dict) -> EntryForm:
        form = EntryForm.objects.filter(title=FORM_TITLE).first() or EntryForm(title=FORM_TITLE)
        sections = form_sections(spec)
        wanted = [(kind, value) for _, section in sections for kind, value in section["questions"]]
        if form.pk is None or _fingerprint(form) != [_question(*pair) for pair in wanted]:
            form.intro = spec.get("intro", "")
            form.sections = sections
            form.save()
            form.save_revision().publish()
        return form

    def category(self, form: EntryForm, spec: dict) -> CategoryPage:
        """The benchmark category: the Performance Recovery page's content, the peers' form."""
        template = CategoryPage.objects.get(slug=TEMPLATE_CATEGORY_SLUG)
        programme = ProgrammePage.objects.filter(slug=OPEN_PROGRAMME_SLUG).first()
        if programme is None:
            raise CommandError(f"no programme {OPEN_PROGRAMME_SLUG!r}: load the demo content")
        page = CategoryPage.objects.child_of(programme).filter(slug=CATEGORY_SLUG).first()
        fields = {
            "title": CATEGORY_TITLE,
            "summary": template.summary,
            "context": template.context,
            "who_can_enter": template.who_can_enter,
            "how_to_apply": list(template.how_to_apply.raw_data),
            "criteria": list(template.criteria.raw_data),
            "sponsor": template.sponsor,
            "reference_code": "BENCH",
            "entry_form": form,
            "entries_closed": False,
            "entries_open_at": None,
            "entries_close_at": None,
            "entries_per_account": 1,
            "search_description": "The benchmark category: the peers' 12 questions.",
        }
        if page is None:
            page = CategoryPage(slug=CATEGORY_SLUG, **fields)
            programme.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.contact_links.clear()
        for link in template.contact_links.all():
            page.contact_links.add(
                CategoryContact(
                    contact_id=link.contact_id,
                    enquiry=link.enquiry,
                    enquiry_text=link.enquiry_text,
                )
            )
        page.save_revision().publish()
        page = Page.objects.get(pk=page.pk).specific
        if not page.accepts_entries(timezone.now()):
            raise CommandError(f"{page.url} does not accept entries now: check the programme")
        return page

    def users(self, emails: list[str]):
        User = get_user_model()
        existing = {u.email: u for u in User.objects.filter(email__in=emails)}
        missing = [e for e in emails if e not in existing]
        if missing:
            password = make_password(PASSWORD)
            User.objects.bulk_create(
                [
                    User(
                        email=email,
                        password=password,
                        first_name="Bench",
                        last_name=email.split("@")[0].capitalize(),
                        organisation="Bench Organisation",
                    )
                    for email in missing
                ]
            )
        people = list(User.objects.filter(email__in=emails).order_by("pk"))
        have = set(
            EmailAddress.objects.filter(user__in=people, verified=True, primary=True).values_list(
                "user_id", flat=True
            )
        )
        EmailAddress.objects.filter(user__in=[u for u in people if u.pk not in have]).delete()
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in people
                if u.pk not in have
            ]
        )
        return people


def _question(kind: str, value: dict) -> tuple:
    return (
        kind,
        value["key"],
        value["label"],
        value.get("help_text", ""),
        value["required"],
        tuple(value.get("choices", ())),
    )


def _fingerprint(form: EntryForm) -> list[tuple]:
    """The form's questions as the spec would give them, to rewrite it only when they differ."""
    return [
        (q.type, q.key, q.label, q.help_text, q.required, q.choices)
        for q in form.definition.questions.values()
    ]
