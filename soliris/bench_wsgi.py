"""The WSGI application of `make bench`'s gunicorn: the site, plus the minimal views."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soliris.settings")
application = get_wsgi_application()
settings.ROOT_URLCONF = "soliris.bench_urls"
