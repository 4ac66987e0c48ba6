"""Production: everything from the environment (see README, "Deploy"); HTTPS only. It refuses to
start without what a real installation must set (PostgreSQL, its own address, its sender)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, env, env_bool

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "Set DATABASE_URL to a PostgreSQL database (postgres://user:password@host:5432/name); "
        "production does not run on SQLite."
    )
for name in ("WAGTAILADMIN_BASE_URL", "DEFAULT_FROM_EMAIL"):
    if not env(name):
        raise ImproperlyConfigured(
            f"Set the {name} environment variable (see README, Configuration)."
        )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Only `make serve` (plain HTTP on 127.0.0.1) turns secure cookies off.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading is a promise browsers keep for months: only on purpose (SECURE_HSTS_PRELOAD=true).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True

# Static files are collected (`collectstatic`) with hashed names and served by whitenoise.
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
WHITENOISE_USE_FINDERS = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
