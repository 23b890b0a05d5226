"""Background work for accounts: sending email without holding up a request."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html_body: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Send one already-rendered email (text, optionally with an HTML alternative)."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
