"""Settings for CNIS Register: one module, configured only by environment variables.

The defaults serve the embedded demo (`make run`); a production deployment differs only by
its variables (see README.md, "Deploying"). With DEBUG off the service refuses to start without
a real SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
DEBUG = env.bool("DJANGO_DEBUG", default=False)

if not DEBUG:
    missing = [
        name
        for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
        if not env.str(name, default="")
    ]
    if missing:
        raise ImproperlyConfigured(
            "With DJANGO_DEBUG off, set these environment variables: " + ", ".join(missing)
        )

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-key-for-local-demo-only")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_forms_gds",
    "govuk_frontend_django",
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_celery_beat",
    "registers",
    "national",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cnis.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cnis.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "cnis.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cnis.urls"
WSGI_APPLICATION = "cnis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "registers.context_processors.service",
            ],
        },
    },
]

# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
# A restarted PostgreSQL must not cost the next request a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The role web, worker and beat connect as, on the same database: it owns nothing and may only
# add and read audit rows. The role of DATABASE_URL that runs migrations makes it with
# `manage.py app_database_role` (docs/deploying.md); the app itself never reads this.
CNIS_APP_DATABASE_URL = env.str("APP_DATABASE_URL", default="")

AUTH_USER_MODEL = "registers.StaffUser"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:sign-in"

# Staff sessions: an idle limit and an absolute limit from sign-in (cnis.middleware). The idle
# expiry is renewed by a request that comes more than CNIS_SESSION_RENEW_SECONDS after it was
# last renewed, not by every request, which would cost every page an UPDATE of its session.
SESSION_COOKIE_AGE = env.int("CNIS_SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CNIS_SESSION_ABSOLUTE_SECONDS = env.int("CNIS_SESSION_ABSOLUTE_SECONDS", default=10 * 60 * 60)
CNIS_SESSION_RENEW_SECONDS = env.int("CNIS_SESSION_RENEW_SECONDS", default=60)
if not 0 <= CNIS_SESSION_RENEW_SECONDS < SESSION_COOKIE_AGE:
    # Renewing no more often than the idle limit would end busy sessions at the idle limit.
    raise ImproperlyConfigured(
        "CNIS_SESSION_RENEW_SECONDS must be at least 0 and less than CNIS_SESSION_IDLE_SECONDS"
    )
# How long the password step stays valid while the person finds their code.
CNIS_SIGN_IN_CODE_SECONDS = env.int("CNIS_SIGN_IN_CODE_SECONDS", default=5 * 60)

# django-axes: lock an account name (known or not) after repeated failures.
AXES_FAILURE_LIMIT = env.int("CNIS_SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("CNIS_SIGN_IN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "registers.staff.sign_in.attempted_account"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "registers.staff.sign_in.lockout_response"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Lockout is by account name, so rotating browsers or cookies gains an attacker nothing; a lock
# by address as well would lock out a whole council office behind one NAT address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

OTP_TOTP_ISSUER = env.str("CNIS_OTP_ISSUER", default="CNIS Register")

# Security headers and cookies. CNIS_SECURE is on unless DEBUG is: HTTPS only, HSTS, and
# cookies with the __Host- prefix (which browsers accept only over HTTPS).
CNIS_SECURE = env.bool("CNIS_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = CNIS_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if CNIS_SECURE else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 31536000 if CNIS_SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = CNIS_SECURE
SECURE_HSTS_PRELOAD = CNIS_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CNIS_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "__Host-cnis-session" if CNIS_SECURE else "cnis-session"
CSRF_COOKIE_SECURE = CNIS_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_NAME = "__Host-cnis-csrf" if CNIS_SECURE else "cnis-csrf"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Hashed, compressed file names for production caching; plain names for the demo and tests,
# which serve files straight from static/.
CNIS_STATIC_MANIFEST = env.bool("CNIS_STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if CNIS_STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not CNIS_STATIC_MANIFEST

# The cache holds rate-limit counters. Per process by default; production points CACHE_URL at
# Redis (redis://redis:6379/1). A cache that is down never blocks a parent: limits fail open.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend"
    ),
)
EMAIL_HOST = env.str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
EMAIL_HOST_USER = env.str("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("DJANGO_EMAIL_HOST_PASSWORD", default="")
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="cnis-register@localhost")

# Celery: Redis by default; the embedded demo runs tasks in the request (eagerly).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Side effects written to the outbox are delivered by this sweep, never inside a request.
    "outbox-sweep": {"task": "registers.tasks.outbox.outbox_sweep", "schedule": 15.0},
    # s.436D: keep every registered child inside the 3-to-12-month update request window.
    "update-requests-send-due": {
        "task": "registers.tasks.update_requests.update_requests_send_due",
        "schedule": 6 * 60 * 60.0,
    },
    # s.436E: provider requests not answered in the LA's period become overdue tasks.
    "provider-requests-mark-overdue": {
        "task": "registers.tasks.provider_requests.provider_requests_mark_overdue",
        "schedule": 6 * 60 * 60.0,
    },
    # The national collection: on the day a term's returns are due, collect them from each LA.
    "national-collect-due": {
        "task": "national.tasks.national_collect_due",
        "schedule": crontab(hour=9, minute=0),
    },
    # Deadlines: tasks for what fell due, overdue work marked, one digest email per officer.
    "deadlines-daily": {
        "task": "registers.tasks.deadlines.deadlines_daily",
        "schedule": crontab(hour=6, minute=30),
    },
}
# With no broker (the embedded demo runs tasks eagerly), deliver the outbox right after the
# transaction commits instead of waiting for a sweep that nothing would schedule.
CNIS_OUTBOX_DELIVER_ON_COMMIT = env.bool(
    "CNIS_OUTBOX_DELIVER_ON_COMMIT", default=CELERY_TASK_ALWAYS_EAGER
)
# A message that keeps failing (a bad address, a relay refusing it) is left for an operator
# after this many attempts, rather than retried forever.
CNIS_OUTBOX_MAX_ATTEMPTS = env.int("CNIS_OUTBOX_MAX_ATTEMPTS", default=20)

# The services this deployment offers. One deployment may host one LA or several.
CNIS_SERVICE_NAME = env.str("CNIS_SERVICE_NAME", default="Children not in school register")
CNIS_PHASE = env.str("CNIS_PHASE", default="Beta")
CNIS_FEEDBACK_EMAIL = env.str("CNIS_FEEDBACK_EMAIL", default="")
CNIS_REGISTER_PAGE_SIZE = env.int("CNIS_REGISTER_PAGE_SIZE", default=50)
# The address parents and providers are sent links to (emails need an absolute URL).
CNIS_PUBLIC_BASE_URL = env.str("CNIS_PUBLIC_BASE_URL", default="http://127.0.0.1:8000")
# The address officers are sent links to the staff pages at (their daily digest of overdue tasks).
CNIS_STAFF_BASE_URL = env.str("CNIS_STAFF_BASE_URL", default=CNIS_PUBLIC_BASE_URL).rstrip("/")
# Secure links in update and provider requests stop working after this many days.
CNIS_LINK_EXPIRY_DAYS = env.int("CNIS_LINK_EXPIRY_DAYS", default=28)
# An invitation to a new member of staff works once, and for this many days.
CNIS_STAFF_INVITATION_DAYS = env.int("CNIS_STAFF_INVITATION_DAYS", default=7)
# The client's address (registers.actors.client_address), for the audit trail, the public
# rate limits and the sign-in lockout: with N trusted reverse proxies in front of the service,
# the Nth X-Forwarded-For entry from the right; with 0, the connection's own address.
CNIS_TRUSTED_PROXY_COUNT = env.int("CNIS_TRUSTED_PROXY_COUNT", default=0)
if CNIS_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("CNIS_TRUSTED_PROXY_COUNT must be 0 or more")
AXES_CLIENT_IP_CALLABLE = "registers.actors.client_address"
# Public rate limits per client address per hour (ASVS 2.4.1), then a 429 page. What is limited
# is completed submissions (notifications sent, change reports, support requests): a large LA
# such as Devon counts about 3,500 children in home education over a whole year, about ten a
# day, so 30 from one address in one hour is beyond any library, school or mobile network's
# shared address, and still caps a script. Every public post is also limited, as a backstop
# against automation: a notification is about 35 page posts, so the default allows 50 for
# each submission the hour allows and page posts never turn a family away.
CNIS_PUBLIC_SUBMISSIONS_PER_HOUR = env.int("CNIS_PUBLIC_SUBMISSIONS_PER_HOUR", default=30)
CNIS_PUBLIC_POSTS_PER_HOUR = env.int(
    "CNIS_PUBLIC_POSTS_PER_HOUR", default=50 * CNIS_PUBLIC_SUBMISSIONS_PER_HOUR
)
# Answers in progress are kept server-side and dropped after this many idle seconds.
CNIS_ANSWERS_IDLE_SECONDS = env.int("CNIS_ANSWERS_IDLE_SECONDS", default=SESSION_COOKIE_AGE)

# The API for an LA's own systems, /api/v1/ (docs/api.md). Tokens are issued by an LA admin on
# the staff pages or by `manage.py api_token_create`, last CNIS_API_TOKEN_DAYS unless told
# otherwise, and never more than CNIS_API_TOKEN_MAX_DAYS.
CNIS_API_TOKEN_DAYS = env.int("CNIS_API_TOKEN_DAYS", default=90)
CNIS_API_TOKEN_MAX_DAYS = env.int("CNIS_API_TOKEN_MAX_DAYS", default=365)
if not 1 <= CNIS_API_TOKEN_DAYS <= CNIS_API_TOKEN_MAX_DAYS:
    raise ImproperlyConfigured(
        "CNIS_API_TOKEN_DAYS must be at least 1 and no more than CNIS_API_TOKEN_MAX_DAYS"
    )
# A list answers CNIS_API_PAGE_SIZE rows unless asked for fewer or more, and never more than
# CNIS_API_MAX_PAGE_SIZE, whatever is asked (OWASP API4).
CNIS_API_PAGE_SIZE = env.int("CNIS_API_PAGE_SIZE", default=50)
CNIS_API_MAX_PAGE_SIZE = env.int("CNIS_API_MAX_PAGE_SIZE", default=100)
if not 1 <= CNIS_API_PAGE_SIZE <= CNIS_API_MAX_PAGE_SIZE:
    raise ImproperlyConfigured(
        "CNIS_API_PAGE_SIZE must be at least 1 and no more than CNIS_API_MAX_PAGE_SIZE"
    )
# The largest request body accepted; larger ones get a 413. A notification with the most
# parents and providers the intake allows, every field at its longest in plain letters, is
# about 35 kB.
CNIS_API_MAX_BODY_BYTES = env.int("CNIS_API_MAX_BODY_BYTES", default=100_000)
# Requests a minute from one token, then 429 (counted in the cache, like the public limits).
CNIS_API_REQUESTS_PER_MINUTE = env.int("CNIS_API_REQUESTS_PER_MINUTE", default=300)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["registers.api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["registers.api.permissions.ScopeRequired"],
    "DEFAULT_THROTTLE_CLASSES": ["registers.api.throttling.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["registers.api.parsers.LimitedJSONParser"],
    "EXCEPTION_HANDLER": "registers.api.errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CNIS Register API",
    "DESCRIPTION": (
        "An LA's own systems read its register and send it notifications. Every request "
        "carries an LA's token in the Authorization header (Bearer); see docs/api.md."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "registers.api.schema.request_bodies_required",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# The national collection (national/, docs/national.md): how long to wait for an LA's register,
# how many times to try it, the first wait before trying again (doubling each time), and the
# largest return accepted.
# The key the LAs share for the children's keyed pseudonyms in the national return (blank: the
# return carries none). The national team never holds it (docs/returns.md).
CNIS_RETURN_PSEUDONYM_KEY = env.str("CNIS_RETURN_PSEUDONYM_KEY", default="")
NATIONAL_COLLECT_TIMEOUT_SECONDS = env.float("NATIONAL_COLLECT_TIMEOUT_SECONDS", default=30.0)
NATIONAL_COLLECT_ATTEMPTS = env.int("NATIONAL_COLLECT_ATTEMPTS", default=4)
NATIONAL_COLLECT_BACKOFF_SECONDS = env.float("NATIONAL_COLLECT_BACKOFF_SECONDS", default=60.0)
NATIONAL_RETURN_MAX_BYTES = env.int("NATIONAL_RETURN_MAX_BYTES", default=256 * 1024)
