"""Organisers' admin for leaderboards, exports and results (Wagtail hooks)."""
