from django.apps import AppConfig


class MapsConfig(AppConfig):
    """The map of the actors and their partnerships, rendered on the server as SVG."""

    name = "maps"
    verbose_name = "Map"

    def ready(self):
        # The organisation and site forms pick places from the gazetteer (``partners`` cannot
        # import ``maps``: it is registered from here).
        from maps import gazetteer
        from partners.forms.places import register_gazetteer

        register_gazetteer(search=gazetteer.search, get=gazetteer.get)
