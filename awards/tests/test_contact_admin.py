"""Editors say which enquiry each contact answers, find contacts in the admin, and add
the Contacts page."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from awards.models import Contact, ContactsPage
from awards.tests.builders import build_contact, build_home


class ContactAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.honor = build_contact(
            1, name="Honor Greaves", role="Marketing manager", enquiry="media"
        )
        self.samir = build_contact(2, name="Samir Patil", role="Events", enquiry="judging")

    def listed(self, **params) -> list[str]:
        response = self.client.get(reverse("wagtailsnippets_awards_contact:list"), params)
        self.assertEqual(response.status_code, 200)
        return [contact.name for contact in response.context["object_list"]]

    def test_the_listing_shows_the_enquiry_each_answers_and_filters_by_it(self):
        response = self.client.get(reverse("wagtailsnippets_awards_contact:list"))
        self.assertContains(response, "Answers enquiries about")
        self.assertContains(response, "Media and marketing")
        self.assertEqual(self.listed(enquiry="judging"), ["Samir Patil"])

    def test_editors_find_contacts_by_name_role_or_email(self):
        self.assertEqual(self.listed(q="greaves"), ["Honor Greaves"])
        self.assertEqual(self.listed(q="events"), ["Samir Patil"])
        self.assertEqual(self.listed(q="contact2@example"), ["Samir Patil"])

    def test_an_editor_sets_the_enquiry_a_new_contact_answers(self):
        response = self.client.post(
            reverse("wagtailsnippets_awards_contact:add"),
            {"name": "Priya Shah", "role": "Press officer", "enquiry": "media", "email": ""},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            Contact.objects.get(name="Priya Shah").get_enquiry_display(), "Media and marketing"
        )

    def test_an_editor_adds_the_contacts_page_under_the_home_page(self):
        home = build_home()
        self.assertCanCreate(
            home,
            ContactsPage,
            nested_form_data(
                {"title": "Contacts", "slug": "contacts", "intro": rich_text("Who to ask.")}
            ),
        )
        self.assertEqual(ContactsPage.objects.child_of(home).get().url, "/contacts/")
