"""The Content-Security-Policy header: django-csp's middleware, one policy per part of the site.

Public pages get ``CONTENT_SECURITY_POLICY`` (scripts from our own origin only).
The Wagtail admin, which still writes some inline scripts and styles, gets
``ADMIN_CONTENT_SECURITY_POLICY``; so do the page previews it shows in a
same-origin frame (Wagtail renders them through the middleware again, with a
"dummy" request for the page's public URL). A view that sets its own header
(Wagtail's document and image serving send ``default-src 'none'``) keeps it.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


def is_admin_request(request) -> bool:
    if getattr(request, "is_dummy", False):  # a preview, shown inside the admin
        return True
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_request(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
