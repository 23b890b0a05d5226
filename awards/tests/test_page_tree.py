"""Where each page type may live: home at the top, programmes (and one Contacts page) under
it, categories under programmes."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from awards.models import CategoryPage, ContactsPage, GuidancePage, ProgrammePage
from awards.tests.builders import build_home
from home.models import HomePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_holds_programmes_guidance_and_contacts(self):
        self.assertAllowedSubpageTypes(HomePage, {ProgrammePage, GuidancePage, ContactsPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_programme_lives_under_the_home_page_and_holds_categories_and_guidance(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammePage, {CategoryPage, GuidancePage})

    def test_category_lives_only_under_a_programme_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(CategoryPage, {ProgrammePage})
        self.assertAllowedSubpageTypes(CategoryPage, set())
        self.assertCanNotCreateAt(HomePage, CategoryPage)
        self.assertCanNotCreateAt(CategoryPage, CategoryPage)

    def test_guidance_lives_under_the_home_page_or_a_programme_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(GuidancePage, {HomePage, ProgrammePage})
        self.assertAllowedSubpageTypes(GuidancePage, set())
        self.assertCanNotCreateAt(CategoryPage, GuidancePage)

    def test_programmes_cannot_nest(self):
        self.assertCanNotCreateAt(ProgrammePage, ProgrammePage)

    def test_there_is_only_one_home_page(self):
        home = build_home()
        root = home.get_parent()
        self.assertFalse(HomePage.can_create_at(root))
        self.assertTrue(ProgrammePage.can_create_at(home))

    def test_one_contacts_page_lives_under_the_home_page_and_holds_nothing(self):
        self.assertAllowedParentPageTypes(ContactsPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactsPage, set())
        home = build_home()
        self.assertTrue(ContactsPage.can_create_at(home))
        home.add_child(instance=ContactsPage(title="Contacts"))
        self.assertFalse(ContactsPage.can_create_at(home))
        self.assertCanNotCreateAt(ProgrammePage, ContactsPage)
