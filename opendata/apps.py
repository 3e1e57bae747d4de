from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """The registry's public data for other systems: the API, IATI, feeds, the sitemap."""

    name = "opendata"
    verbose_name = "Open data"
