"""Editors build the whole site in the Wagtail admin: every page type, contacts and sponsors."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from awards.models import CategoryPage, Contact, GuidancePage, ProgrammePage, Sponsor
from awards.tests.builders import build_contact, build_home, build_programme, build_sponsor
from home.models import HomePage

LONDON = ZoneInfo("Europe/London")


def list_block(items: list[str]) -> dict:
    """Form data for a ListBlock, in the shape the admin's editor posts."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index)}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def criteria_section(heading: str, points: list[str], text: str = "") -> dict:
    return {"heading": heading, "text": rich_text(text), "points": list_block(points)}


class AdminPageCreationTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_editor_can_create_the_home_page_under_the_root(self):
        root = Page.get_first_root_node()
        self.assertFalse(HomePage.objects.exists())

        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data(
                {
                    "title": "Health Awards",
                    "slug": "health-awards",
                    "intro": rich_text("<p>Celebrating teams in health and care.</p>"),
                }
            ),
        )
        home = HomePage.objects.get()
        self.assertTrue(home.live)
        self.assertIn("Celebrating teams", home.intro)

    def test_editor_can_create_a_programme_with_dates_contacts_and_sponsors(self):
        home = build_home()
        contact = build_contact(1)
        sponsor = build_sponsor(1)

        self.assertCanCreate(
            home,
            ProgrammePage,
            nested_form_data(
                {
                    "title": "Health Awards 2027",
                    "slug": "health-awards-2027",
                    "intro": rich_text("<p>The awards for 2027.</p>"),
                    "entries_open_at": "2026-10-01 09:00",
                    "entries_close_at": "2027-01-06 12:00",
                    "reminder_days": "7",
                    "key_dates": inline_formset(
                        [
                            {"label": "Entries open", "date": "2026-10-01"},
                            {"label": "Awards ceremony", "date": "2027-04-15"},
                        ]
                    ),
                    "contact_links": inline_formset(
                        [{"contact": str(contact.pk), "enquiry": "media", "enquiry_text": ""}]
                    ),
                    "sponsor_links": inline_formset([{"sponsor": str(sponsor.pk)}]),
                }
            ),
        )
        programme = ProgrammePage.objects.get(slug="health-awards-2027")
        self.assertEqual(programme.entries_close_at, datetime(2027, 1, 6, 12, tzinfo=LONDON))
        self.assertEqual(
            [key_date.label for key_date in programme.key_dates.all()],
            ["Entries open", "Awards ceremony"],
        )
        self.assertEqual(programme.contact_links.get().contact, contact)
        self.assertEqual(programme.contact_links.get().enquiry_label, "Media and marketing")
        self.assertEqual(programme.sponsor_links.get().sponsor, sponsor)

    def test_editor_can_create_a_category_with_criteria_steps_and_contacts(self):
        programme = build_programme()
        contact = build_contact(1)
        sponsor = build_sponsor(1)

        self.assertCanCreate(
            programme,
            CategoryPage,
            nested_form_data(
                {
                    "title": "Digital Innovation Award",
                    "slug": "digital-innovation-award",
                    "summary": "For teams using technology to improve care.",
                    "context": rich_text("<p>What the award is about.</p>"),
                    "who_can_enter": rich_text("<p>Any NHS organisation.</p>"),
                    "eligibility_check": streamfield([]),
                    "how_to_apply": streamfield(
                        [("step", "Register an account."), ("step", "Start your entry.")]
                    ),
                    "criteria": streamfield(
                        [
                            ("section", criteria_section("Context", ["Describe the problem."])),
                            (
                                "section",
                                criteria_section(
                                    "Delivery",
                                    ["How was it delivered?", "Evidence the results."],
                                    text="<p>Judges look for evidence.</p>",
                                ),
                            ),
                        ]
                    ),
                    "contact_links": inline_formset(
                        [
                            {
                                "contact": str(contact.pk),
                                "enquiry": "",
                                "enquiry_text": "Questions about this award",
                            }
                        ]
                    ),
                    "sponsor": str(sponsor.pk),
                    "entries_open_at": "",
                    "entries_close_at": "2027-02-01 17:00",
                    "reference_code": "DIA",
                    # The entry-form engine's fields, where present; ignored otherwise.
                    "entries_per_account": "1",
                    "collaborator_limit": "3",
                }
            ),
        )
        category = CategoryPage.objects.get(slug="digital-innovation-award")
        self.assertEqual(
            [(block.value["heading"], list(block.value["points"])) for block in category.criteria],
            [
                ("Context", ["Describe the problem."]),
                ("Delivery", ["How was it delivered?", "Evidence the results."]),
            ],
        )
        self.assertEqual(
            [step.value for step in category.how_to_apply],
            ["Register an account.", "Start your entry."],
        )
        self.assertEqual(category.contact_links.get().enquiry_label, "Questions about this award")
        self.assertEqual(category.sponsor, sponsor)
        self.assertEqual(category.deadline, datetime(2027, 2, 1, 17, tzinfo=LONDON))

        response = self.client.get(category.url)
        self.assertContains(response, '<h3 id="criteria-delivery">Delivery</h3>', html=True)
        self.assertContains(response, "<li>Evidence the results.</li>", html=True)

    def test_category_closing_before_it_opens_is_refused_with_a_message(self):
        programme = build_programme()
        add_url = reverse("wagtailadmin_pages:add", args=["awards", "categorypage", programme.pk])
        data = nested_form_data(
            {
                "title": "Backwards Award",
                "slug": "backwards-award",
                "summary": "Closes before it opens.",
                "eligibility_check": streamfield([]),
                "how_to_apply": streamfield([]),
                "criteria": streamfield([]),
                "contact_links": inline_formset([]),
                "entries_open_at": "2027-02-01 09:00",
                "entries_close_at": "2027-01-01 09:00",
                "entries_per_account": "1",
                "action-publish": "action-publish",
            }
        )

        response = self.client.post(add_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The closing time must be after the opening time.")
        self.assertFalse(CategoryPage.objects.filter(slug="backwards-award").exists())

    def test_editor_can_create_guidance_under_the_home_page_and_under_a_programme(self):
        home = build_home()
        body = streamfield(
            [
                ("heading", "Before you start"),
                ("paragraph", rich_text("<p>Read the criteria first.</p>")),
                (
                    "callout",
                    {
                        "heading": "Save as you go",
                        "text": rich_text("<p>Your entry saves to your account.</p>"),
                        "important": "",
                    },
                ),
                (
                    "faq",
                    {
                        "questions": {
                            "count": "1",
                            "0": {
                                "value": {
                                    "question": "Can I enter twice?",
                                    "answer": rich_text("<p>Yes, in two categories.</p>"),
                                },
                                "deleted": "",
                                "order": "0",
                            },
                        }
                    },
                ),
            ]
        )
        self.assertCanCreate(
            home,
            GuidancePage,
            nested_form_data({"title": "How to enter", "summary": "Start here.", "body": body}),
        )
        self.assertCanCreate(
            build_programme(home),
            GuidancePage,
            nested_form_data(
                {
                    "title": "Judging",
                    "summary": "",
                    "body": streamfield([("heading", "How judging works")]),
                }
            ),
        )
        guide = GuidancePage.objects.get(slug="how-to-enter")
        self.assertEqual(
            [block.block_type for block in guide.body], ["heading", "paragraph", "callout", "faq"]
        )
        response = self.client.get(guide.url)
        self.assertContains(response, "<summary>Can I enter twice?</summary>", html=True)
        self.assertTrue(GuidancePage.objects.filter(slug="judging").exists())


class AdminSnippetTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_editor_can_add_a_contact(self):
        response = self.client.post(
            reverse("wagtailsnippets_awards_contact:add"),
            {
                "name": "Frances Wilde",
                "role": "Awards executive",
                "email": "frances.wilde@example.org",
                "phone": "020 7946 0004",
            },
        )
        self.assertEqual(response.status_code, 302)
        contact = Contact.objects.get(name="Frances Wilde")
        self.assertEqual(contact.phone_href, "tel:+442079460004")

    def test_editor_can_add_a_sponsor(self):
        response = self.client.post(
            reverse("wagtailsnippets_awards_sponsor:add"),
            {"name": "Northwind", "logo": "", "url": "https://northwind.example.org/"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Sponsor.objects.filter(name="Northwind").exists())
