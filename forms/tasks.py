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
def send_invitation(invitation_id: int) -> None:
    """The invitation to join an entry's team; its link's token is made here, never queued."""
    send_invitation_email(invitation_id)


@task()
def send_partner_request(confirmation_id: int) -> None:
    """The partner's link to confirm an entry; the token is made here, never queued."""
    from .partner.emails import send_request_email

    send_request_email(confirmation_id)


@task()
def send_partner_decision(confirmation_id: int) -> None:
    from .partner.emails import send_decision_email

    send_decision_email(confirmation_id)
