"""Template helpers for awards pages: page descriptions, breadcrumbs, shared fragments.

Dates and times are written by the uk_dates filters (publishing/templatetags/uk_dates.py).
"""

import hashlib

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from publishing.content_version import versioned

register = template.Library()


@register.simple_tag
def page_description(page) -> str:
    """What search engines and link previews show: the editor's description, else the summary."""
    if not page:
        return ""
    text = getattr(page, "search_description", "") or getattr(page, "summary", "")
    if not text:
        text = strip_tags(getattr(page, "intro", "") or "")
    return Truncator(" ".join(text.split())).chars(300)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page) -> list[tuple[str, str]]:
    """(title, url) of the pages above ``page``, from the site's home page down.

    Kept per content version: a page's ancestors change only when an editor
    publishes or moves a page.
    """
    request = context.get("request")
    return versioned(
        f"breadcrumbs:{page.pk}",
        lambda: [
            (ancestor.title, ancestor.get_url(request))
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ],
    )


@register.simple_tag(takes_context=True)
def may_use_admin(context) -> bool:
    """Whether to show Wagtail's user bar: asked of the permissions once per session.

    Wagtail's own tag asks on every page (two queries for a signed-in entrant,
    who never has the permission). A permission granted or removed shows in
    the bar from the next sign-in; the admin itself checks on every request.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    allowed = request.session.get("may_use_admin")
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        request.session["may_use_admin"] = allowed
    return allowed


class PublishedFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, vary_on: list):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context) -> str:
        vary = ":".join(str(v.resolve(context)) for v in self.vary_on)
        key = (
            f"fragment:{self.name}:{hashlib.md5(vary.encode(), usedforsecurity=False).hexdigest()}"
        )
        return mark_safe(versioned(key, lambda: self.nodelist.render(context)))  # noqa: S308


@register.tag
def published_fragment(parser, token):
    """``{% published_fragment "name" var ... %}…{% endpublished_fragment %}``: the same for
    everyone who sees this content version (and these variables), rendered once.

    Like ``{% cache %}``, but kept through ``versioned()``: after the first render
    on an app server it is a dictionary lookup, not a round trip to Redis, and a
    publish anywhere retires it. Put nothing personal inside.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endpublished_fragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return PublishedFragmentNode(nodelist, name, [parser.compile_filter(b) for b in bits[2:]])
