from django.apps import AppConfig


class SupportConfig(AppConfig):
    """Test-only parts, installed by ``soliris.settings_test`` alone.

    Its ``pdfs.py`` declares the test document kinds (``testing.slow``, ``testing.signed``);
    ``soliris.pdf`` finds it as it finds every app's. Its ``ready()`` makes the worker the
    tests start forget content type ids between tasks (the tests flush the database under it).
    """

    name = "tests.support"
    label = "tests_support"

    def ready(self):
        from celery.signals import task_prerun

        task_prerun.connect(_fresh_content_types, weak=False)


def _fresh_content_types(**_kwargs):
    """The worker outlives the tests' database flushes: content type ids are not kept."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
