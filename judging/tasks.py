"""Background work for judging panels: emails never block a request."""

from django_tasks import task

from .emails import send_conflict_notices, send_invitation_email


@task()
def send_judge_invitation(invitation_id: int) -> None:
    """The invitation to judge; its link's token is made here, never queued."""
    send_invitation_email(invitation_id)


@task()
def send_conflict_notice(conflict_ids: list[int]) -> None:
    """Tell the panels' organisers of conflicts of interest just found."""
    send_conflict_notices(conflict_ids)
