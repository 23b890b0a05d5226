"""The partner co-sign on the pages that show an entry (forms/partner/)."""

from django import template

from forms.access import EDIT, at_least, role_of
from forms.hosting import as_host, needs_partner_confirmation
from forms.partner.state import partner_state

register = template.Library()


@register.simple_tag
def partner_state_for(entry):
    """The entry's PartnerState, or None when its category asks for no partner."""
    if entry is None or entry.pk is None:
        return None
    return partner_state(entry)


@register.inclusion_tag("forms/partner/panel.html", takes_context=True)
def partner_panel(context, entry):
    """The entry page's "Partner confirmation" panel, for a category that asks for one."""
    from forms.views.partner import PartnerDetailsForm, details_initial

    request = context.get("request")
    host = as_host(entry.page) if entry is not None else None
    if request is None or host is None or not needs_partner_confirmation(host):
        return {"shown": False}
    state = partner_state(entry, host)
    user = request.user
    role = getattr(entry, "role", None) or role_of(entry, user)
    return {
        "shown": True,
        "entry": entry,
        "partner": state,
        "may_ask": at_least(role, EDIT),
        "form": PartnerDetailsForm(initial=details_initial(state.confirmation)),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
