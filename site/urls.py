from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from bookings.certificate_views import certificate_verify
from bookings.webhooks import stripe_webhook
from home.sitemaps import TranslatedSitemap
from home.views import healthz, robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["recurrence"]), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Media except documents: those go through Wagtail's view, which keeps private ones private.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?!documents/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("account/trainer/", include("trainers.urls")),
    path("account/", include("bookings.urls")),
    path("certificates/verify/", certificate_verify, name="certificate_verify"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
