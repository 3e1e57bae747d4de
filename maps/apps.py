from django.apps import AppConfig


class MapsConfig(AppConfig):
    """The map of the actors and their partnerships, rendered on the server as SVG."""

    name = "maps"
    verbose_name = "Map"
