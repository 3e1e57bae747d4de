# Production image: gunicorn serves the web app, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DEBUG=0
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 soliris

WORKDIR /app
# The production lock only (no embedded servers, no test tools), each package checked against
# its hash; the code runs from /app, nothing of it is installed.
COPY requirements/production.txt requirements/production.txt
RUN pip install --upgrade pip && pip install --require-hashes -r requirements/production.txt
COPY . .
# Catalogues and static files are built into the image. The production settings refuse to load
# half-configured: placeholders, never reached, are enough for that (nothing connects or mails).
RUN export SECRET_KEY=build-only-build-only-build-only-build-only-build-only ALLOWED_HOSTS=build \
        DATABASE_URL=postgresql://build@build/build REDIS_URL=redis://build:6379/0 \
        EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend \
        SOLIRIS_SIGNING_CERT=/build/cert.pem SOLIRIS_SIGNING_KEY=/build/key.pem \
    && python scripts/messages.py compile \
    && python manage.py collectstatic --noinput -v 0
USER soliris
EXPOSE 8000
CMD ["gunicorn", "soliris.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
