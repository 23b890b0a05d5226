"""Files: static files, media, entrants' private uploads, and how much a request may send."""

import os
from pathlib import Path

from .environment import BASE_DIR

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Entrants' uploads live outside MEDIA_ROOT and are served only through a view
# that checks who is asking.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "forms.storage.PrivateFileStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Requests. DATA_UPLOAD_MAX_MEMORY_SIZE bounds everything in a request but its files:
# 5 MB holds every answer of a long form (up to 50,000 characters each, several bytes
# a character in some scripts); Django refuses more with a 400. It is also all a
# request may send to any page but an entry's save and the Wagtail admin: bodies
# larger than that, or than a save's files plus that, are refused from their
# Content-Length before they are read (forms/upload_limits.py; the proxy's own limit
# is in the README). An upload over FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) is written
# to a temporary file while it is checked, not kept in the worker's memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
