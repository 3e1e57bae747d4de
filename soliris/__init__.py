"""Soliris: the platform's kernel app.

Importing this package has no side effect (``python -m soliris.devenv`` sets the environment
Django's settings read, so it must not choose them). The Celery app lives in
``soliris.celery``: ``celery -A soliris`` finds it there, and ``SolirisConfig.ready()``
loads it in every Django process, so that tasks queued from a view use it.
"""
