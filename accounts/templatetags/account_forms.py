"""Render form fields the GOV.UK way: label, hint, error message, then the input,
with the input described by its hint and error."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

INPUT_CLASSES = {
    "checkbox": "checkbox__input",
    "textarea": "textarea",
    "select": "select",
}


@register.simple_tag
def field_input(field: BoundField) -> SafeString:
    """The field's widget with our class, no placeholder, and aria-describedby
    pointing at its hint and error message."""
    described_by = []
    if field.help_text:
        described_by.append(hint_id(field))
    if field.errors:
        described_by.append(error_id(field))
    css = INPUT_CLASSES.get(field.widget_type, "input")
    if field.errors and css != "checkbox__input":
        css += f" {css}--error"
    attrs: dict[str, str | bool] = {"class": css, "placeholder": False}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def hint_id(field: BoundField) -> str:
    return f"{field.auto_id}-hint"


@register.filter
def error_id(field: BoundField) -> str:
    return f"{field.auto_id}-error"


@register.simple_tag
def error_summary_items(form) -> list[dict[str, str]]:
    """Every error on the form, each with the id of the field it links to.

    Errors that belong to no one field link to the first field a person can
    fill in, as the GOV.UK error summary pattern asks.
    """
    visible = form.visible_fields()
    first_id = visible[0].auto_id if visible else ""
    items = [{"target": first_id, "message": message} for message in form.non_field_errors()]
    for field in visible:
        for message in field.errors:
            items.append({"target": field.auto_id, "message": message})
    return items
