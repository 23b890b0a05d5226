"""The Content Security Policy in a real Chromium: the site runs under it, an injected script does not.

Every page is watched for ``securitypolicyviolation`` events, console errors
(Chromium logs each refused script or style there) and uncaught script errors.
The public pages, the entry form with autosave and word counts, the account
pages and the Wagtail admin (its own, looser policy) must raise none; a script
payload typed into a draft must neither run nor open a dialog.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CATEGORY = "/hsj-awards-2024/performance-recovery-award/"
PASSWORD = "a-long-password-123"  # forms.tests.builders.build_user's
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'

# Runs in every document before its own scripts; reports to Python and keeps a copy
# in the page so a test can wait for a violation it expects.
LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const text = `${event.effectiveDirective} refused ${event.blockedURI || "inline code"}`
    + ` on ${location.pathname} (${event.sourceFile || "document"}:${event.lineNumber})`;
  window.__cspViolations.push(text);
  window.__reportCspViolation(text);
}, true);
"""


class Watch:
    """Everything a page says went wrong: CSP violations, console errors, script errors, dialogs."""

    def __init__(self, page):
        self.violations: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.expose_function("__reportCspViolation", lambda text: self.violations.append(text))
        page.add_init_script(LISTENER)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("dialog", self._dialog)

    def _console(self, message):
        url = message.location.get("url") or ""
        if message.type != "error":
            return
        if "status of 404" in message.text and url.endswith(("/favicon.ico", "/no-such-page/")):
            return  # the browser's own favicon request; the 404 page we open on purpose
        self.errors.append(f"console: {message.text} ({url})")

    def _dialog(self, dialog):
        if dialog.type == "beforeunload":  # an editor's "leave this page?" check, not a payload
            dialog.accept()
            return
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_clean(self):
        assert self.violations == [], "\n".join(self.violations)
        assert self.errors == [], "\n".join(self.errors)
        assert self.dialogs == [], "\n".join(self.dialogs)


@pytest.fixture
def demo_site(db):
    from wagtail.models import Site

    from awards.models import SiteSettings
    from awards.tests.builders import build_home

    build_home()  # a flushed database has no root page or locale
    call_command("load_demo_content", verbosity=0)
    # The accent colour comes from a stylesheet (/theme/<hex>.css), not an inline <style>.
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.accent_colour = "#c2185b"
    site_settings.save()


@pytest.fixture
def watch(page):
    return Watch(page)


def sign_in(page, base, email, next_path=CATEGORY):
    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}{next_path}")


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def accent(page) -> str:
    return page.evaluate(
        "() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()"
    )


def test_public_and_account_pages_run_under_the_policy(live_server, page, watch, demo_site):
    base = live_server.url
    response = page.goto(base + "/")
    policy = directives(response.headers["content-security-policy"])
    assert policy["script-src"] == "'self'"
    # No inline style at all, so no nonce: the page can be cached whole.
    assert "'unsafe-inline'" not in policy["style-src"] and "'nonce-" not in policy["style-src"]
    assert accent(page) == "#c2185b"  # the accent stylesheet (/theme/c2185b.css) was applied
    for path in [
        "/hsj-awards-2024/",
        CATEGORY,
        "/how-to-enter/",
        "/search/?q=award",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/no-such-page/",
    ]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        expect(page.locator("main")).to_be_visible()
    watch.assert_clean()


def test_chromium_turns_off_the_features_the_site_never_uses(live_server, page, watch, demo_site):
    response = page.goto(live_server.url + CATEGORY)
    assert "camera=()" in response.headers["permissions-policy"]
    allowed = page.evaluate(
        """() => ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen"]
            .filter((name) => document.featurePolicy.allowsFeature(name))"""
    )
    assert allowed == ["fullscreen"]  # what the header does not name keeps its default
    watch.assert_clean()  # every feature named is one Chromium knows: no console error


def test_entry_form_autosave_and_entrant_pages_run_under_the_policy(
    live_server, page, watch, demo_site
):
    from forms.tests.builders import build_user

    build_user("ada@example.org")
    base = live_server.url
    sign_in(page, base, "ada@example.org")
    page.get_by_role("button", name="Start your entry").first.click()
    expect(page.get_by_role("heading", name="Your entry")).to_be_visible()
    assert accent(page) == "#c2185b"

    # word-count.js and autosave.js are our own files: they run, and save.
    answer = page.get_by_label("Context and vision: your answer")
    answer.fill("We rebuilt our elective pathway.")
    expect(page.locator("#q-context_vision-count")).to_have_text("5 of 500 words")
    expect(page.locator("[data-save-status]")).to_contain_text("Saved at", timeout=15_000)

    page.get_by_role("button", name="Review and submit").click()
    expect(page.get_by_role("heading", name=re.compile("Check your answers"))).to_be_visible()
    entry_path = page.url.replace(base, "").replace("review/", "")
    page.goto(base + entry_path)
    expect(page.locator("[data-print]")).to_be_visible()  # print.js unhid its button
    for path in [
        reverse("my_entries"),
        reverse("account_profile"),
        "/accounts/password/change/",
        reverse("mfa_index"),
    ]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    # Two-factor setup: its QR code is a data: image, which the policy allows.
    page.goto(base + reverse("mfa_activate_totp"))
    if page.get_by_role("heading", name="Confirm Access").is_visible():  # allauth reauthenticates
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    qr_code = page.locator("img[src^='data:image/svg']")
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("img => img.complete && img.naturalWidth > 0")
    watch.assert_clean()


def test_a_script_payload_in_a_draft_neither_runs_nor_opens_a_dialog(
    live_server, page, watch, demo_site
):
    from awards.models import CategoryPage
    from forms import services
    from forms.tests.builders import build_user

    user = build_user("mallory@example.org", first_name=SCRIPT, organisation=IMG)
    category = CategoryPage.objects.get(url_path__endswith=CATEGORY)
    entry = services.start_entry(user=user, page=category)
    questions = list(entry.form.definition.questions.values())
    answers = {q.key: f"{SCRIPT} {IMG} javascript:alert(3)" for q in questions if not q.is_file}
    services.save_draft(entry=entry, user=user, answers=answers, base_version=entry.version)

    base = live_server.url
    sign_in(page, base, "mallory@example.org")
    first = questions[0]
    field = page.locator(f"#{first.field_id}")
    expect(field).to_have_value(answers[first.key])  # shown as typed, as text
    assert page.locator("img[src=x]").count() == 0
    for path in [
        reverse("entry_review", args=[entry.public_id]),
        reverse("entry_detail", args=[entry.public_id]),
        reverse("my_entries"),
        reverse("account_profile"),
    ]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("img[src=x]").count() == 0
    watch.assert_clean()

    # The second wall: had a payload reached the HTML, the policy refuses to run it.
    page.goto(base + CATEGORY)
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "alert('inline script ran')";
          document.body.append(script);
          document.body.insertAdjacentHTML("beforeend", '<img src="/static/none.png" onerror="alert(\\'handler ran\\')">');
          const link = document.createElement("a");
          link.href = "javascript:alert('link ran')";
          document.body.append(link);
          link.click();
        }"""
    )
    page.wait_for_function("() => window.__cspViolations.length >= 3")
    directives = [v.split(" ")[0] for v in watch.violations]
    assert "script-src-elem" in directives  # the inline <script>
    assert "script-src-attr" in directives  # the onerror handler
    assert watch.dialogs == []


def test_wagtail_admin_works_under_its_own_policy(live_server, page, watch, demo_site):
    from awards.models import CategoryPage
    from forms.models import EntryForm
    from forms.tests.builders import build_user

    build_user("admin@example.org", is_staff=True, is_superuser=True)
    category = CategoryPage.objects.get(url_path__endswith=CATEGORY)
    entry_form = EntryForm.objects.first()
    base = live_server.url
    page.goto(base + "/admin/login/")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/admin/")

    response = page.goto(base + f"/admin/pages/{category.pk}/edit/")
    policy = directives(response.headers["content-security-policy"])
    assert policy["frame-ancestors"] == "'self'" and policy["object-src"] == "'none'"
    expect(page.get_by_role("button", name="Save draft")).to_be_visible()
    # The preview panel frames the page under the admin's policy, not the public one.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[src*='/edit/preview/']")
    expect(preview.get_by_role("heading", level=1)).to_have_text(category.title)

    page.goto(base + f"/admin/snippets/forms/entryform/edit/{entry_form.pk}/")
    expect(page.get_by_role("button", name=re.compile("Save|Publish")).first).to_be_visible()
    for path in ["/admin/", "/admin/pages/", reverse("forms_entry_modeladmin_index")]:
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    watch.assert_clean()
