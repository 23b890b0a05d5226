"""What a category offers the judging app (judging.hosting.JudgedHost).

Judges score each criteria section editors wrote on the category page, weighted
as the section says; the shortlist and winners appear from the announcement
times, the category's own or else its programme's.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel

from forms.hosting import criterion_key
from judging.hosting import Criterion
from publishing.content_version import versioned
from publishing.templatetags.uk_dates import uk_datetime

from .admin_panels import programme_being_edited


def clean_announcements(shortlist_at: datetime | None, winners_at: datetime | None) -> None:
    """The shortlist comes first: winners are announced at the same moment or later,
    and only once a shortlist time is set. The message names the times in UK time,
    as the editor typed them."""
    if winners_at is None:
        return
    if shortlist_at is None:
        raise ValidationError(
            {"shortlist_at": "Set when the shortlist is announced: it comes before the winners."}
        )
    if winners_at < shortlist_at:
        raise ValidationError(
            {
                "winners_at": "The winners cannot be announced before the shortlist "
                f"({uk_datetime(shortlist_at)}, UK time). Choose a time at or after it."
            }
        )


class ProgrammeAnnouncementsPanel(Panel):
    """In the category editor: the programme's announcement times, which apply while the
    category's own are empty (as ProgrammeWindowPanel does for the entry window)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "awards/admin/programme_announcements_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            programme = programme_being_edited(self)
            context["programme"] = programme
            context["shortlist_at"] = getattr(programme, "shortlist_at", None)
            context["winners_at"] = getattr(programme, "winners_at", None)
            return context


class AnnouncementTimes(models.Model):
    """The moments a programme's (or a category's own) results become public."""

    shortlist_at = models.DateTimeField(
        "shortlist announced",
        null=True,
        blank=True,
        help_text="UK time. The shortlist appears on the category pages at this moment.",
    )
    winners_at = models.DateTimeField(
        "winners announced",
        null=True,
        blank=True,
        help_text="UK time. The winners and highly commended appear at this moment.",
    )

    announcement_panels = [
        FieldRowPanel([FieldPanel("shortlist_at"), FieldPanel("winners_at")]),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        clean_announcements(*self.announcement_times_to_check())

    def announcement_times_to_check(self) -> tuple[datetime | None, datetime | None]:
        return self.shortlist_at, self.winners_at


class JudgedCategory(AnnouncementTimes):
    """The category's side of judging: criteria weights, announcement times, feedback."""

    feedback_to_entrants = models.BooleanField(
        "show judges' comments to entrants",
        default=False,
        help_text="After the winners are announced, entrants read the judges' comments "
        "(never the judges' names).",
    )
    feedback_shows_scores = models.BooleanField(
        "include the scores",
        default=False,
        help_text="With the comments, show each criterion's average score.",
    )

    results_panel = MultiFieldPanel(
        [
            ProgrammeAnnouncementsPanel(),
            *AnnouncementTimes.announcement_panels,
            FieldRowPanel(
                [FieldPanel("feedback_to_entrants"), FieldPanel("feedback_shows_scores")]
            ),
        ],
        heading="Judging and results",
        help_text="Leave the times empty to use the programme's.",
    )

    class Meta:
        abstract = True

    def judging_criteria(self) -> list[Criterion]:
        found = []
        for block in self.criteria or []:
            if block.block_type != "section":
                continue
            heading = block.value["heading"]
            weight = block.value.get("weight")
            found.append(
                Criterion(
                    key=criterion_key(heading),
                    heading=heading,
                    weight=Decimal(weight) if weight is not None else Decimal(1),
                )
            )
        return found

    @classmethod
    def announcement_moments(cls) -> set[datetime]:
        """Every moment results appear on a page of this kind: the categories' own times
        and their programmes' (judging.results.next_announcement caps caches at them)."""
        from .models.programme_page import ProgrammePage

        moments = set()
        for model in (cls, ProgrammePage):
            for times in model.objects.values_list("shortlist_at", "winners_at"):
                moments.update(moment for moment in times if moment is not None)
        return moments

    def announcement_times_to_check(self) -> tuple[datetime | None, datetime | None]:
        # The category's own times, each falling back on the programme's, as visitors see
        # them. A page not yet in the tree (being created) has only its own.
        if not self.path:
            return self.shortlist_at, self.winners_at
        programme_shortlist, programme_winners = self.programme_announcements
        return (self.shortlist_at or programme_shortlist, self.winners_at or programme_winners)

    @property
    def programme_announcements(self) -> tuple[datetime | None, datetime | None]:
        from .models.programme_page import ProgrammePage

        parent_path = self.path[: -self.steplen]
        return versioned(
            f"programme-announcements:{parent_path}",
            lambda: (
                ProgrammePage.objects.filter(path=parent_path)
                .values_list("shortlist_at", "winners_at")
                .first()
                or (None, None)
            ),
        )

    @property
    def shortlist_announced_at(self) -> datetime | None:
        return self.shortlist_at or self.programme_announcements[0]

    @property
    def winners_announced_at(self) -> datetime | None:
        return self.winners_at or self.programme_announcements[1]
