"""The header's "Judging" link, shown to judges only, asked once per session."""

from django import template

from ..access import is_judge

register = template.Library()

SESSION_KEY = "sits_on_a_panel"


@register.simple_tag(takes_context=True)
def sits_on_a_panel(context) -> bool:
    """Whether the signed-in person judges: read once per session, as the user bar's
    permission is (awards_tags.may_use_admin), and again whenever they open the portal
    (judging.portal.views.home), so every other page costs no query for it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    known = request.session.get(SESSION_KEY)
    if known is None:
        known = is_judge(user)
        request.session[SESSION_KEY] = known
    return known
