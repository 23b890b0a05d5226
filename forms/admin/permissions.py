from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

VIEW = "forms.view_entry"
MANAGE = "forms.manage_entry"
EXPORT = "forms.export_entry"


def forbidden(request) -> TemplateResponse:
    # Wagtail turns PermissionDenied into a redirect; entries answer a plain 403 instead.
    return TemplateResponse(request, "forms/admin/forbidden.html", status=403)


def sign_in(request) -> HttpResponse:
    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


def refuse_without(request, perm: str) -> HttpResponse | None:
    """Entries hold personal data: staff without ``perm`` get 403, never the data."""
    user = request.user
    if not user.is_authenticated:
        return sign_in(request)
    if user.is_active and user.has_perm(perm):
        return None
    return forbidden(request)
