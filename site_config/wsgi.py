import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings.production")

application = get_wsgi_application()

# What is loaded by now (Django, Wagtail, the models, the URL patterns: about
# 200,000 objects) lives as long as the process. Moved out of the garbage
# collector's reach, it is no longer walked by every full collection, which
# cost about 130 ms each, once every few hundred requests, in the middle of
# whichever request was unlucky (measured in docs/performance.md). With
# gunicorn --preload this runs before the fork, so workers also share those
# pages of memory instead of copying them when the collector touches them.
get_resolver().url_patterns  # noqa: B018 - import every view now, not on the first request
gc.collect()
gc.freeze()
