"""The site's addresses plus the benchmark's minimal views (never in the served URLconf).

`manage.py bench` measures with these in place of ``soliris.urls``; its gunicorn loads
``soliris.bench_wsgi``, which does the same."""

from django.urls import path

from soliris import benchkit
from soliris.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path(f"{benchkit.FLOOR_PREFIX.strip('/')}/<slug:slug>/", benchkit.floor_view),
    *site_urlpatterns,
]
