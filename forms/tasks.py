"""Background work for entries: emails never block a request."""

from django_tasks import task

from .emails import send_entry_email, send_invitation_email


@task()
def send_submission_confirmation(entry_id: int) -> None:
    send_entry_email(entry_id, "submitted")


@task()
def send_entry_notice(entry_id: int, kind: str, extra: dict) -> None:
    """Reopened, withdrawn, deadline extended, reminder: one email each."""
    send_entry_email(entry_id, kind, extra)


@task()
def send_invitation(invitation_id: int, token: str) -> None:
    """The invitation to join an entry's team, with its link (forms.team)."""
    send_invitation_email(invitation_id, token)
