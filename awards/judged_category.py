"""What a category offers the judging app (judging.hosting.JudgedHost).

Judges score each criteria section editors wrote on the category page, weighted
as the section says; the shortlist and winners appear from the announcement
times, the category's own or else its programme's.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from forms.hosting import criterion_key
from judging.hosting import Criterion
from publishing.content_version import versioned


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
