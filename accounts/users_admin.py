"""The Wagtail admin's Users section for our user model: email is the login
(there is no username), and staff can see and correct an entrant's
organisation and job title."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = ["organisation", "job_title"]


class EmailLowercaseMixin:
    """allauth stores addresses in lower case; an admin typing "Jo@Example.org"
    must not create a second account for the same person."""

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class AdminUserCreationForm(EmailLowercaseMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class AdminUserEditForm(EmailLowercaseMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update: bool = False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
