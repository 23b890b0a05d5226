"""The entry form editor, which goes back where the editor came from once the form is published.

A category's "Build a new entry form from these criteria" opens the new form
with ``?next=`` naming the category's editor: publishing the form returns
there, where the category, now using it, is published in turn. The next URL
must be on this site (Wagtail's own check); a draft save stays on the form.
"""

from __future__ import annotations

from urllib.parse import urlencode

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.views.snippets import EditView


class EntryFormEditView(EditView):
    def get_next_url(self) -> str:
        return get_valid_next_url_from_request(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if next_url := self.get_next_url():
            context["action_url"] = f"{context['action_url']}?{urlencode({'next': next_url})}"
        return context

    def get_success_url(self):
        if self.action == "publish" and (next_url := self.get_next_url()):
            return next_url
        return super().get_success_url()
