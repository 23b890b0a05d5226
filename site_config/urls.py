from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.theme import theme_css
from home.views import search
from publishing import views as publishing_views

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("entries/", include("forms.urls")),
    path("judging/", include("judging.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", search, name="search"),
    re_path(r"^theme/(?P<colour>[0-9a-fA-F]{6})\.css$", theme_css, name="theme_css"),
]

if "bench" in settings.INSTALLED_APPS:  # make bench only: the signed-in floor
    from bench.views import floor

    urlpatterns += [path("bench/floor/", floor, name="bench_floor")]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages: Wagtail's serve view, with each URL's route remembered per content version
# (publishing/views.py); Wagtail's own patterns still name and reverse page URLs.
urlpatterns += [
    re_path(r"^((?:[\w\-]+/)*)$", publishing_views.serve, name="site_serve"),
    path("", include(wagtail_urls)),
]

handler500 = "site_config.errors.server_error"
