from django.conf import settings


def site(request):
    return {"SITE_URL": settings.SITE_URL, "DEBUG": settings.DEBUG}


def is_light(request) -> bool:
    """``?light=1``: the page a decision mail links to, for a slow link (``templates/light.html``:
    no script, no menus, one stylesheet). A form without ``action`` posts to the same address,
    so its answer keeps it; :class:`soliris.middleware.LightPagesMiddleware` keeps it through
    the redirect after the post."""
    return request.GET.get("light") == "1"


def light(request):
    """``light`` and ``base_template``: pages that can be light extend ``base_template``."""
    on = is_light(request)
    return {"light": on, "base_template": "light.html" if on else "base.html"}
