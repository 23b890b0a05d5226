"""The portal's one free-text form: a judge's reason for declaring a conflict."""

from django import forms

MAX_REASON = 1000


class DeclareConflictForm(forms.Form):
    reason = forms.CharField(
        label="Why must you not judge this entry?",
        help_text=(
            "For example, you work with the entrant or advised on the project. "
            "Only the awards team reads this."
        ),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter why you must not judge this entry",
            "max_length": f"Reason must be {MAX_REASON:,} characters or fewer",
        },
    )
