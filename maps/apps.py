from django.apps import AppConfig


class MapsConfig(AppConfig):
    """The map of the actors and their partnerships, rendered on the server as SVG."""

    name = "maps"
    verbose_name = "Map"

    def ready(self):
        # The organisation and site forms pick places from the gazetteer and the map
        # (``partners`` cannot import ``maps``: they are registered from here).
        from maps import gazetteer, picker
        from partners.forms.places import register_gazetteer, register_map_picker

        register_gazetteer(search=gazetteer.search, get=gazetteer.get)
        register_map_picker(
            views=picker.views,
            view_for=picker.view_for,
            locate=picker.locate,
            precision=picker.precision,
            picture_url=picker.picture_url,
            widths=picker.WIDTHS,
            height=picker.height,
        )
