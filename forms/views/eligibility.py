"""The eligibility check before "Start your entry": a plain form page, then start or refuse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from ..eligibility import assess, eligibility_questions, eligibility_refusal, question_rows
from ..exceptions import EntriesClosed
from ..hosting import as_host
from .editing import entry_form_address, start_and_return


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def eligibility(request, page_id: int):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    host = as_host(page)
    if host is None:
        raise Http404("This page does not take entries.")
    questions = eligibility_questions(host)
    if not questions:  # nothing to ask: the page's own button starts the entry
        return HttpResponseRedirect(entry_form_address(page))
    if not host.accepts_entries():  # no point asking: nobody can start an entry now
        messages.error(request, EntriesClosed().message)
        return HttpResponseRedirect(entry_form_address(page))
    context = {"page": page, "rows": question_rows(questions), "problems": []}
    if request.method == "GET":
        return render(request, "forms/eligibility.html", context)
    assessment = assess(questions, request.POST)
    context.update(rows=question_rows(questions, assessment), problems=assessment.problems)
    if assessment.problems:
        return render(request, "forms/eligibility.html", context, status=400)
    if not assessment.eligible:
        # No entry is made, and nothing the person has already written is touched.
        context["refusal"] = eligibility_refusal(host)
        return render(request, "forms/not_eligible.html", context)
    return start_and_return(request, page, eligibility=assessment.record)
