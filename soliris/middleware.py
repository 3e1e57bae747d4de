import logging
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest

from soliris import rescue, views
from soliris.context_processors import is_light


class PreferredLanguageMiddleware:
    """Stores the language chosen at log-in (see AccountAdapter.login) in the language cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, "soliris_language", None)
        if language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class RescueMiddleware:
    """A POST that arrives without a session, to a page that needs one, is kept instead of
    being refused or redirected empty (``soliris.rescue``); a CSRF failure goes the same
    way through ``soliris.views.csrf_failure``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        rescue.set_cookie(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.user.is_authenticated:
            return None
        if rescue.anonymous_may_post(request.path_info):
            return None
        return views.session_lost(request)


class RequestEncodingMiddleware:
    """A form body that is not UTF-8 (the only encoding Soliris' pages send) is a short 400
    with one log line, before anything reads it: never a 500, never a page of traceback."""

    _FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.SOLIRIS_MAX_REQUEST_BYTES:
            return HttpResponse(b"Request too large.\n", status=413, content_type="text/plain; charset=utf-8")
        if request.method in ("POST", "PUT", "PATCH") and request.content_type in self._FORMS:
            charset = (request.content_params.get("charset") or "utf-8").strip().lower()
            problem = None
            if charset not in ("utf-8", "utf8"):
                problem = f"charset {charset[:40]!r}"
            elif request.content_type == "application/x-www-form-urlencoded":
                try:
                    request.body.decode("utf-8")
                except UnicodeDecodeError:
                    problem = "a body that is not UTF-8"
                except Exception:  # too large: Django's own limit answers it later
                    problem = None
            if problem:
                logging.getLogger("soliris.request").warning(
                    "400 for %s %s: %s", request.method, request.path[:200], problem
                )
                return HttpResponseBadRequest(
                    b"Bad request: forms are sent as UTF-8.\n", content_type="text/plain; charset=utf-8"
                )
        return self.get_response(request)


def normalise_text(value: str) -> str:
    """``\\n`` line endings and no trailing whitespace on any line of a multi-line text."""
    if "\r" not in value and "\n" not in value:
        return value
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).rstrip()


class TextNormalisationMiddleware:
    """Posted text is normalised at the boundary: browsers send a textarea's line breaks as
    ``\\r\\n``, which would make an unchanged text look changed (and flip every translation
    of a clause to "to review"). Passwords are left exactly as typed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in RequestEncodingMiddleware._FORMS:
            try:
                post = request.POST
            except Exception:  # an unreadable body: the view answers it as Django does
                post = None
            if post and any("\r" in value or "\n" in value for value in _values(post)):
                normalised = post.copy()
                for name, values in post.lists():
                    if "password" not in name:
                        normalised.setlist(name, [normalise_text(value) for value in values])
                normalised._mutable = False
                request.POST = normalised
        return self.get_response(request)


def _values(post):
    for _name, values in post.lists():
        yield from values


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` on every response: no page uses the camera, the microphone,
    geolocation, payments or USB, so no script may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class LightPagesMiddleware:
    """A light page's form (``?light=1``) posts, and the redirect that answers it goes to the
    light page of its target: a slow link never pulls in the full page on the way back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "POST"
            and is_light(request)
            and response.status_code in (301, 302, 303)
            and response.get("Location", "").startswith("/")
            and not response["Location"].startswith("//")
        ):
            location = urlsplit(response["Location"])
            query = parse_qsl(location.query, keep_blank_values=True)
            if ("light", "1") not in query:
                query.append(("light", "1"))
            response["Location"] = urlunsplit(("", "", location.path, urlencode(query), location.fragment))
        return response
