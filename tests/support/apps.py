from django.apps import AppConfig


class SupportConfig(AppConfig):
    """Test-only parts, installed by ``soliris.settings_test`` alone.

    Its ``documents.py`` declares the test document kinds (``testing.slow``,
    ``testing.signed``); ``soliris.pdf`` finds it as it finds every app's.
    """

    name = "tests.support"
    label = "tests_support"
