"""Account forms: allauth's, with plain-English labels, hints and error messages,
plus the details entrants give at sign-up and edit on their account page.

Labels sit above inputs and there are no placeholders (the templates render
every field the same way, see templates/account/includes/field.html).
"""

from allauth.account import forms as allauth_forms
from django import forms

from .models import User

# Says in words what AUTH_PASSWORD_VALIDATORS check.
PASSWORD_HINT = "Use at least 10 characters. Do not use a common password, your name or email address, or only numbers."  # noqa: S105
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"


def describe(
    field: forms.Field,
    *,
    label: str,
    hint: str = "",
    required: str | None = None,
    invalid: str | None = None,
    autocomplete: str | None = None,
) -> None:
    """Give a field its label, hint and the error messages a person sees."""
    field.label = label
    field.help_text = hint
    if required:
        field.error_messages["required"] = required
    if invalid:
        field.error_messages["invalid"] = invalid
    if autocomplete:
        field.widget.attrs["autocomplete"] = autocomplete
    field.widget.attrs.pop("placeholder", None)


def describe_new_password(form: forms.Form, *, label: str, confirm_label: str) -> None:
    describe(
        form.fields["password1"],
        label=label,
        hint=PASSWORD_HINT,
        required="Enter a password",
        autocomplete="new-password",
    )
    describe(
        form.fields["password2"],
        label=confirm_label,
        required="Enter the password again",
        autocomplete="new-password",
    )


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        describe(
            self.fields["login"],
            label="Email address",
            required="Enter your email address",
            invalid=EMAIL_INVALID,
            autocomplete="email",
        )
        # The "Forgotten your password?" link sits under the button instead.
        describe(
            self.fields["password"],
            label="Password",
            required="Enter your password",
            autocomplete="current-password",
        )
        if "remember" in self.fields:
            describe(self.fields["remember"], label="Keep me signed in on this device")


class ProfileFieldsMixin:
    """Name and organisation, as asked at sign-up and on the account page."""

    def describe_profile_fields(self) -> None:
        describe(
            self.fields["first_name"],
            label="First name",
            required="Enter your first name",
            autocomplete="given-name",
        )
        describe(
            self.fields["last_name"],
            label="Last name",
            required="Enter your last name",
            autocomplete="family-name",
        )
        describe(
            self.fields["organisation"],
            label="Organisation",
            hint="The organisation you work for or are entering on behalf of.",
            required="Enter your organisation",
            autocomplete="organization",
        )


class SignupForm(ProfileFieldsMixin, allauth_forms.SignupForm):
    """Email and password (allauth's), plus the entrant's name and organisation."""

    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    organisation = forms.CharField(max_length=255)

    field_order = ["first_name", "last_name", "organisation", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_profile_fields()
        describe(
            self.fields["email"],
            label="Email address",
            hint="We will send you a link to confirm it. Open the link to sign in.",
            required="Enter your email address",
            invalid=EMAIL_INVALID,
            autocomplete="email",
        )
        describe_new_password(
            self, label="Create a password", confirm_label="Confirm your password"
        )

    def signup(self, request, user: User) -> None:
        """Called by allauth once the user is saved; first and last name are
        already set by the adapter, the organisation is ours to add."""
        user.organisation = self.cleaned_data["organisation"].strip()
        user.save(update_fields=["organisation"])


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        describe(
            self.fields["email"],
            label="Email address",
            hint="The address you registered with.",
            required="Enter your email address",
            invalid=EMAIL_INVALID,
            autocomplete="email",
        )


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        describe_new_password(self, label="New password", confirm_label="Confirm your new password")


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        describe(
            self.fields["oldpassword"],
            label="Current password",
            required="Enter your current password",
            autocomplete="current-password",
        )
        describe_new_password(self, label="New password", confirm_label="Confirm your new password")


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        describe(
            self.fields["email"],
            label="New email address",
            hint="We will send a link to the new address. It replaces your current one once you follow the link.",
            required="Enter your new email address",
            invalid=EMAIL_INVALID,
            autocomplete="email",
        )


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    """The details an entrant can change on their account page."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "organisation", "job_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "organisation"):
            self.fields[name].required = True
        self.describe_profile_fields()
        describe(
            self.fields["job_title"],
            label="Job title",
            autocomplete="organization-title",
        )


class DeleteAccountForm(forms.Form):
    """Deleting an account needs the account's password, typed again."""

    password = forms.CharField(widget=forms.PasswordInput)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        describe(
            self.fields["password"],
            label="Your password",
            hint="To check it is you.",
            required="Enter your password",
            autocomplete="current-password",
        )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Your password is not correct.")
        return password
