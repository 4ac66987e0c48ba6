from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from bookings import participant_views
from bookings.certificate_views import certificate_verify
from bookings.webhooks import stripe_webhook
from home.sitemaps import TranslatedSitemap
from home.views import debug_media, healthz, login_elsewhere, robots_txt

urlpatterns = [
    # Before Wagtail's: its login page hands over to allauth's (one way in, see settings).
    path("admin/login/", login_elsewhere, {"default_next": "/admin/"}, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.urls import re_path

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", debug_media)]

urlpatterns += i18n_patterns(
    # The recurrence widget's labels, in the language of the page (/jsi18n/, /en/jsi18n/).
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["recurrence"]), name="javascript-catalog"),
    path("accounts/", include("allauth.urls")),
    path("account/trainer/", include("trainers.urls")),
    path("account/", include("bookings.urls")),
    path("certificates/verify/", certificate_verify, name="certificate_verify"),
    path("materials/<str:token>/", participant_views.materials, name="participant_materials"),
    path(
        "materials/<str:token>/<int:material_id>/",
        participant_views.material_download,
        name="participant_material",
    ),
    path(
        "reminders/unsubscribe/<str:token>/",
        participant_views.unsubscribe_view,
        name="unsubscribe",
    ),
    path("evaluation/", include("evaluations.urls")),
    path("_util/login/", login_elsewhere, name="frontend_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
