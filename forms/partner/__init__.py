"""Partner co-sign: the partner organisation an entry names confirms it before it is submitted.

Someone with edit rights names the partner (organisation, contact, email) and
asks them to confirm. The contact gets an emailed link, ``/entries/partner/<token>/``,
that needs no account: it shows the entry read-only, and takes either "I
confirm this entry describes our partnership accurately" with their name, or
a decline with a comment. Only the token's digest is stored, and the token is
made by the task that sends the email, so it is never in the task queue
either.

The latest request for an entry is the one that counts: asking again makes
the earlier link stop working. A confirmation holds the fingerprint of what
the partner read (the answers and the files); submit_entry refuses an entry
whose current fingerprint differs, so a change after confirming asks again.

The modules: ``errors`` (what is refused), ``state`` (the fingerprint and where an
entry stands), ``asking`` (the team asks), ``link`` (the token: made, then opened),
``decision`` (the partner confirms or declines), ``emails`` (sent by forms.tasks)
and ``exports`` (the partner columns).
"""
