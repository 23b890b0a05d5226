"""The organisers' side of entries, in the Wagtail admin."""
