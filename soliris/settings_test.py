"""Settings of the test suite: ``soliris.settings`` and what the tests change in it.

pytest selects it (``pyproject.toml``); the real worker the tests start gets it through
``DJANGO_SETTINGS_MODULE`` too (``tests/conftest.py``). Production code never asks
whether it runs under the tests: every difference is written here.
"""

import os

from soliris.env import env_bool, env_str
from soliris.settings import *  # noqa: F403
from soliris.settings import INSTALLED_APPS, REST_FRAMEWORK

# Each test process has its own cache: parallel runs never see each other's entries.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A test's transaction is rolled back, never committed: the generation of kept pages would
# outlive its data into the next test. The tests of soliris.pagecache turn it on, with commits.
SOLIRIS_PAGE_CACHE = False
SOLIRIS_KEPT_FIGURES = False
# Fast enough for the thousands of users the tests create.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A queue of its own per process, so that parallel runs never take each other's tasks; the
# worker a test starts is told this process's queue (CELERY_QUEUE).
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", f"soliris-test-{os.getpid()}")
# Static files straight from the app folders, without a manifest to collect first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Side effects queued after a commit are delivered in the test's own process; the real
# worker a test starts turns it off (SOLIRIS_OUTBOX_EAGER=0): it delivers for real.
SOLIRIS_OUTBOX_EAGER = env_bool("SOLIRIS_OUTBOX_EAGER", True)
# Test-only parts: the document kinds of tests/support/documents.py.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.support"]
# The API's rate per client address, out of the suite's way (every request comes from
# 127.0.0.1); tests/opendata/test_api_http.py checks the 429 with a rate of its own.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000/hour"}}
