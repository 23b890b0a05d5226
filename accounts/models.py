from django.contrib.auth.models import AbstractUser
from django.db import models

from .managers import UserManager


class User(AbstractUser):
    """An entrant or a member of staff. The email address is the login.

    Entrants give their name and organisation once, at sign-up; entries
    copy nothing from here, so a change of organisation shows everywhere.
    """

    username = None
    email = models.EmailField("email address", unique=True)
    organisation = models.CharField(max_length=255, blank=True)
    job_title = models.CharField(max_length=255, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email
