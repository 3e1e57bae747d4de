"""Settings of Soliris: one module, switched by the environment only.

Local development runs with nothing configured (DEBUG on, embedded PostgreSQL and Redis
provided by ``make run``). Production is selected by ``DEBUG=0`` and then refuses to
start half-configured: without a real ``SECRET_KEY``, an explicit ``ALLOWED_HOSTS``,
``DATABASE_URL``, ``REDIS_URL`` and a way to send mail (``EMAIL_HOST``, or an explicit
``EMAIL_BACKEND``).

The test suite runs ``soliris.settings_test``, which starts from this module; nothing here
guesses whether it runs under the tests.
"""

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from soliris.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("SOLIRIS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def _required_in_production(name: str, meaning: str) -> str:
    """The variable's value; when DEBUG is off and it is unset, refuse to start."""
    value = env_str(name)
    if not value and not DEBUG:
        raise ImproperlyConfigured(f"{name} must name {meaning} when DEBUG is off.")
    return value


INSTALLED_APPS = [
    # modeltranslation patches the admin: it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "django_countries",
    "django_htmx",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "soliris",
    "partners",
    "projects",
    "conventions",
    "events",
    "maps",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # HTML compressed for partners on slow links (a convention draft: 32 KB as 6 KB). Against
    # BREACH, Django pads each compressed response with random bytes, and masks the CSRF token
    # anew in each response: what a page echoes next to it cannot reveal it (README, "Speed").
    "django.middleware.gzip.GZipMiddleware",
    # The public API is open to any site's scripts, for reading only (CORS_* below).
    "corsheaders.middleware.CorsMiddleware",
    "soliris.middleware.RequestEncodingMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "soliris.middleware.TextNormalisationMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "soliris.permissions.RequestCacheMiddleware",
    "soliris.middleware.RescueMiddleware",
    "soliris.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "soliris.middleware.LightPagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "soliris.middleware.PermissionsPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "soliris.staff.StaffSecondFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "soliris.urls"
WSGI_APPLICATION = "soliris.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "soliris.context_processors.site",
                "soliris.context_processors.light",
                "soliris.notifications.context",
            ],
        },
    },
]
# Django's form templates, the select widget written out in Python (soliris/forms_renderer.py).
FORM_RENDERER = "soliris.forms_renderer.FormRenderer"

# --- Database -------------------------------------------------------------------------
# Always PostgreSQL (no extension): DATABASE_URL, set by soliris.devenv for its embedded
# server when unset; a local PostgreSQL when nothing is set in development.
_database_url = _required_in_production("DATABASE_URL", "the PostgreSQL database") or (
    "postgresql://postgres@localhost:5432/soliris"
)
# Production keeps each worker's connection for a minute (a new one costs more than a page's
# queries); the development server opens a thread per request, so it would only pile them up.
DATABASES = {
    "default": dj_database_url.parse(
        _database_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0 if DEBUG else 60)
    )
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("DB_CONNECT_TIMEOUT", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Redis: broker, results, cache ----------------------------------------------------
def _redis_url(url: str, db: int) -> str:
    """The same Redis server as ``url``, database number ``db`` (unix sockets too)."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        query = dict(parse_qsl(parts.query))
        query["db"] = str(db)
        # Written out: ``urlunsplit`` drops the "//" of a scheme it does not know, and redis-py
        # accepts only ``unix://``.
        return f"unix://{parts.path}?{urlencode(query)}"
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, ""))


def _celery_url(url: str) -> str:
    """Kombu spells a unix socket ``redis+socket://``."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return f"redis+socket://{parts.path}"
    return url


REDIS_URL = _required_in_production("REDIS_URL", "the Redis server") or "redis://127.0.0.1:6379/0"
_redis_db = int(urlsplit(REDIS_URL).path.strip("/") or 0) if urlsplit(REDIS_URL).scheme != "unix" else 0

if env_str("CACHE_BACKEND") == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "soliris.cache.TolerantRedisCache",
            "LOCATION": _redis_url(REDIS_URL, _redis_db + 1),
            "KEY_PREFIX": "soliris",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }

CELERY_BROKER_URL = _celery_url(REDIS_URL)
CELERY_RESULT_BACKEND = _celery_url(REDIS_URL)
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "soliris")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TRACK_STARTED = True
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A dead worker's task comes back after the visibility timeout (15 min, far beyond a render;
# the render-job sweep fails what stalled 10 min first). Reaching Redis fails fast: a request
# never hangs on a broker that is down (the outbox delivers later).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 900),
    "socket_connect_timeout": 3,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Brussels"

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "soliris.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_ADAPTER = "soliris.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "soliris.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Soliris] "
ACCOUNT_RATE_LIMITS = {
    # Failed log-ins: at most 10 a minute from one address, 5 every 5 minutes on one account.
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    # Soliris' own (soliris.ratelimit): anonymous PDF checks, signing, review packets.
    "pdf_verify": "20/m/ip,200/h/ip",
    "convention_sign": "5/10m/user,10/10m/key",
    "convention_packet": "20/h/user",
}
ACCOUNT_PASSWORD_INPUT_RENDER_VALUE = False
# Changing an email address or the password asks for the password again (allauth's
# re-authentication, also applied to second-factor changes and to erasing an account).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Behind the documented reverse proxy, the client's address is the last one it adds to
# X-Forwarded-For: rate limits are then per person, not one address shared by everyone.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Soliris"

# --- Languages ------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("es", _("Spanish")),
]
# Project-wide strings live in locale/, each app's in <app>/locale/ (found by Django).
# scripts/messages.py switches the project path off while it extracts one app's strings.
LOCALE_PATHS = [] if env_bool("SOLIRIS_APP_MESSAGES", False) else [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
LANGUAGE_COOKIE_NAME = "soliris_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "nl", "en", "es")
# A missing translation falls back in this order; templates mark the fallback visibly.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("fr", "en", "nl", "es"),
    "nl": ("en", "fr", "es"),
    "es": ("fr", "en", "nl"),
    "en": ("fr", "nl", "es"),
}
MODELTRANSLATION_AUTO_POPULATE = False

COUNTRIES_FIRST = ["BE", "FR", "NL", "BO", "TG", "BF", "PE", "GT", "CA"]

# --- Static and uploaded files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    # Uploaded files are never served directly: views check permissions, then stream them.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# No request body larger than this is read at all (its Content-Length is checked first):
# the largest upload (a document, a PDF to verify) is far smaller.
SOLIRIS_MAX_REQUEST_BYTES = env_int("SOLIRIS_MAX_REQUEST_BYTES", 25 * 1024 * 1024)

# --- Email ----------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Soliris <noreply@soliris.localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = env_str("EMAIL_HOST")
if not DEBUG and not EMAIL_HOST and not env_str("EMAIL_BACKEND"):
    raise ImproperlyConfigured(
        "EMAIL_HOST (SMTP) or EMAIL_BACKEND must say how mail is sent when DEBUG is off."
    )
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# --- Security -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused form keeps what was typed, and says so in the reader's language.
CSRF_FAILURE_VIEW = "soliris.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy in every environment (django-csp): this site's own scripts, styles,
# fonts and images only — no inline script, no inline style, no other origin; images may
# be data: URIs (the QR code of a second factor). Permissions-Policy turns off what no page
# uses (soliris.middleware.PermissionsPolicyMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# --- Logging --------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Soliris --------------------------------------------------------------------------
SOLIRIS_STATUS_TIMEOUT = 2.0  # seconds the status page waits for each part
# Read pages rendered once and kept until the next committed write (soliris.pagecache).
SOLIRIS_PAGE_CACHE = env_bool("SOLIRIS_PAGE_CACHE", True)
# Figures over many rows (counts, the SDG dashboard) kept until their app's tables change.
SOLIRIS_KEPT_FIGURES = env_bool("SOLIRIS_KEPT_FIGURES", True)
# The signing certificate and key (PEM files) of the PDFs; unset, a self-signed pair is made
# in var/signing/ (development). Production names them: no state no backup knows about.
SOLIRIS_SIGNING_CERT = _required_in_production(
    "SOLIRIS_SIGNING_CERT", "the platform's signing certificate (PEM file)"
)
SOLIRIS_SIGNING_KEY = _required_in_production(
    "SOLIRIS_SIGNING_KEY", "the private key of that certificate (PEM file)"
)
SOLIRIS_SIGNING_KEY_PASSPHRASE = env_str("SOLIRIS_SIGNING_KEY_PASSPHRASE")
# Side effects queued to run after a commit (emails, tasks) are delivered in-process rather
# than by the worker: on in soliris.settings_test only.
SOLIRIS_OUTBOX_EAGER = env_bool("SOLIRIS_OUTBOX_EAGER", False)

# whitenoise serves static files in every mode; locally straight from the app folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Periodic healing (celery beat) --------------------------------------------------------
# The outbox delivers what is due (mails, tasks the broker missed); render jobs the queue lost
# are queued again and those a dead worker left running fail, to be tried again.
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "soliris.tasks.outbox_sweep", "schedule": 60.0},
    "render-job-sweep": {"task": "soliris.tasks.render_job_sweep", "schedule": 60.0},
    "undo-sweep": {"task": "soliris.tasks.undo_sweep", "schedule": 600.0},
    "digest-sweep": {"task": "soliris.tasks.digest_sweep", "schedule": 600.0},
}

# --- Open data: the licence, the public API, CORS (soliris/settings_opendata.py) -----------
from soliris.settings_opendata import *  # noqa: E402, F403

REST_FRAMEWORK["NUM_PROXIES"] = ALLAUTH_TRUSTED_PROXY_COUNT  # noqa: F405 (the log-in limits' count)
