"""Emails about judging panels: a judge's invitation, and the notice to organisers that a
conflict of interest was found. Plain text and HTML, built from templates."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from publishing.site_address import absolute_url

from .models import Conflict, JudgeInvitation, Panel

MANAGE_JUDGING = "judging.manage_judging"


def site_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and site.site_name:
        return site.site_name
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "the awards site"


def category_titles(panel: Panel) -> str:
    """ "Performance Recovery Award and Digital Award": the panel's categories."""
    titles = list(panel.categories.order_by("path").values_list("title", flat=True))
    if len(titles) <= 1:
        return "".join(titles) or panel.name
    return ", ".join(titles[:-1]) + " and " + titles[-1]


def _send(subject: str, template: str, context: dict, to: str) -> None:
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"judging/emails/{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"judging/emails/{template}.html", context), "text/html"
    )
    message.send()


def send_invitation_email(invitation_id: int) -> None:
    """The invitation to judge: which categories, for which site, until when, and the link.
    The token is made now (invitations.issue_link); nothing is sent for an invitation
    withdrawn, used or expired before this email went."""
    from .invitations import contact_for, issue_link

    issued = issue_link(invitation_id)
    if issued is None:
        return
    invitation, token = issued
    invitation = JudgeInvitation.objects.select_related("panel", "invited_by").get(pk=invitation.pk)
    categories = category_titles(invitation.panel)
    site = site_name()
    context = {
        "invitation": invitation,
        "categories": categories,
        "site_name": site,
        "contact": contact_for(invitation),
        "invitation_url": absolute_url(reverse("judging:invitation", args=[token])),
    }
    _send(
        f"You are invited to judge {categories} for {site}",
        "invitation_judge",
        context,
        invitation.email,
    )


def organisers_for(panel: Panel) -> list:
    """Who hears of the panel's conflicts: whoever created it, if they still run judging;
    otherwise everyone who may (by group or their own permission), or failing those the
    superusers."""
    creator = panel.created_by
    if creator is not None and creator.is_active and creator.has_perm(MANAGE_JUDGING):
        return [creator]
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    permission = Permission.objects.filter(
        content_type__app_label="judging", codename="manage_judging"
    ).first()
    found = []
    if permission is not None:
        found = list(
            users.filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
            .distinct()
            .order_by("pk")
        )
    return found or list(users.filter(is_superuser=True).order_by("pk"))


def send_conflict_notices(conflict_ids: list[int]) -> None:
    """One email per organiser and panel, listing the conflicts just found on it."""
    conflicts = list(
        Conflict.objects.filter(pk__in=conflict_ids, cleared_at=None)
        .select_related("judge", "entry")
        .order_by("entry__reference", "pk")
    )
    by_panel: dict[Panel, list[Conflict]] = defaultdict(list)
    pages = {conflict.entry.page_id for conflict in conflicts}
    panels = Panel.objects.filter(categories__in=pages).distinct().select_related("created_by")
    for panel in panels:
        page_ids = set(panel.categories.values_list("pk", flat=True))
        judge_ids = set(panel.memberships.values_list("judge_id", flat=True))
        for conflict in conflicts:
            if conflict.entry.page_id in page_ids and conflict.judge_id in judge_ids:
                by_panel[panel].append(conflict)
    for panel, found in by_panel.items():
        count = len(found)
        subject = (
            f"{'A conflict' if count == 1 else f'{count} conflicts'} of interest found "
            f"on {panel.name}"
        )
        context = {
            "panel": panel,
            "conflicts": found,
            "panel_url": absolute_url(reverse("judging_panels:dashboard", args=[panel.pk])),
        }
        for person in organisers_for(panel):
            _send(subject, "conflict_notice", {**context, "person": person}, person.email)
