# Production image: gunicorn serves the web app, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DEBUG=0
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 soliris

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install .
COPY . .
# Catalogues and static files are built into the image; a throw-away key is enough for that.
RUN SECRET_KEY=build-only-build-only-build-only-build-only-build-only ALLOWED_HOSTS=build \
    python scripts/messages.py compile \
    && SECRET_KEY=build-only-build-only-build-only-build-only-build-only ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput -v 0
USER soliris
EXPOSE 8000
CMD ["gunicorn", "soliris.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
