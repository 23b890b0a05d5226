"""What happens to an account that other apps may need to act on.

``accounts`` knows nothing of the apps built on it (DESIGN.md, "Imports run one
way"): when a person downloads their data or deletes their account, it sends
one of these signals and each app that holds personal data answers for its own
(``forms`` does, for entries: forms/account_signals.py). Each is sent with
``sender`` the user model and ``user`` the account; with no receivers, the
download holds the account alone and a deletion deletes the account alone.

- ``collect_personal_data``: while building the personal-data download
  (accounts.personal_data.export_user_data). Each receiver returns a dict of
  top-level sections to add to the download, e.g. ``{"entries": [...]}``,
  JSON-ready. The ``"exported_at"`` and ``"account"`` sections are accounts'
  own; a section name already in the download is refused (ValueError).
- ``account_deleting``: inside the deletion's transaction, before the account
  is deleted (accounts.personal_data.delete_account). Receivers delete or
  anonymise what is theirs; work outside the database (removing stored files)
  belongs in ``transaction.on_commit``. A receiver that raises aborts the
  deletion: nothing is deleted and the exception reaches the caller.
- ``describe_account_deletion``: for the delete-account page. Each receiver
  returns HTML list items (a safe string, e.g. from ``render_to_string``)
  saying what happens to its data; the page says what happens to the account.
"""

from django.dispatch import Signal

collect_personal_data = Signal()
account_deleting = Signal()
describe_account_deletion = Signal()
