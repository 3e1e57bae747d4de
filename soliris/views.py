import time

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from soliris import privacy, rescue, selectors, undo
from soliris.forms import ProfileForm
from soliris.pagecache import cached_page


@cached_page
def home(request):
    return render(request, "soliris/home.html", selectors.home_context())


@login_required
@cached_page
def dashboard(request):
    return render(request, "soliris/dashboard.html", selectors.dashboard_context(request.user))


@require_POST
def set_language(request):
    """Django's set_language, and the choice is remembered on the account.

    The address to go back to is translated from its own language: the one active for this
    unprefixed request (cookie, browser) may differ, and ``translate_url`` only resolves
    addresses in the active language.
    """
    next_language = translation.get_language_from_path(request.POST.get("next") or "")
    if next_language:
        translation.activate(next_language)
    response = django_set_language(request)
    language = request.POST.get("language")
    if (
        isinstance(response, HttpResponseRedirect)
        and request.user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and request.user.preferred_language != language
    ):
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    return response


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        ok = False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        return cursor.fetchone()[0].split(" on ")[0]


def _check_redis():
    import redis

    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=settings.SOLIRIS_STATUS_TIMEOUT,
        socket_timeout=settings.SOLIRIS_STATUS_TIMEOUT,
    )
    try:
        client.ping()
        return "Redis " + client.info("server").get("redis_version", "?")
    finally:
        client.close()


def _check_workers():
    from celery import Celery

    # A throw-away app bound to the configured broker: the check never touches the shared
    # app's connection pool, and always reflects the settings of this request.
    probe = Celery("soliris-status", broker=settings.CELERY_BROKER_URL, set_as_current=False)
    with probe, probe.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=settings.SOLIRIS_STATUS_TIMEOUT)
        replies = probe.control.ping(timeout=settings.SOLIRIS_STATUS_TIMEOUT, connection=conn)
    names = sorted(name for reply in replies for name in reply)
    if not names:
        raise RuntimeError(_("No worker answered."))
    return ", ".join(names)


@login_required
def status(request):
    if not request.user.is_staff:
        raise PermissionDenied
    checks = [
        {"name": _("Database (PostgreSQL)"), **_timed(_check_database)},
        {"name": _("Broker and cache (Redis)"), **_timed(_check_redis)},
        {"name": _("Background workers (Celery)"), **_timed(_check_workers)},
    ]
    all_ok = all(check["ok"] for check in checks)
    return render(
        request,
        "soliris/status.html",
        {"checks": checks, "all_ok": all_ok, **selectors.side_effects_status()},
        status=200 if all_ok else 503,
    )


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        request.soliris_language = user.preferred_language
        messages.success(request, _("Your profile has been saved."))
        return redirect(translate_url(request.path, user.preferred_language))
    return render(request, "soliris/profile.html", {"form": form})


def _kept_page(request, rescued, *, status):
    """The page that holds a kept form: log in first, or send it again."""
    long_texts = [(name, value) for name, value in rescued.fields if len(value) >= 20 or "\n" in value]
    return render(
        request,
        "soliris/rescued.html",
        {"rescued": rescued, "long_texts": long_texts},
        status=status,
    )


def session_lost(request):
    """A form posted without a session, to a page that needs one: kept, not lost. The person
    logs in (the log-in page says their text is kept), then finds it again, ready to send."""
    rescued = rescue.keep(request)
    if rescued is None:
        return redirect_to_login(request.get_full_path())
    messages.info(request, _("Your session had ended: what you wrote is kept. Log in to send it again."))
    return redirect_to_login(reverse("rescued", args=[rescued.key]))


def csrf_failure(request, reason=""):
    """Django's CSRF refusal, in the reader's language, keeping what was posted."""
    if request.method == "POST" and not request.user.is_authenticated:
        if rescue.anonymous_may_post(request.path_info):
            # A log-in or sign-up form left open too long: nothing to keep, just reload it.
            return render(request, "403_csrf.html", status=403)
        return session_lost(request)
    rescued = rescue.keep(request) if request.method == "POST" else None
    if rescued is None:
        return render(request, "403_csrf.html", status=403)
    return _kept_page(request, rescued, status=403)


def rescued(request, key):
    """After log-in: the kept form again, to send in one click (or to discard)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    kept = rescue.find(request, key)
    if kept is None:
        raise Http404
    if request.method == "POST" and request.POST.get("discard"):
        rescue.discard(kept)
        messages.info(request, _("The kept text was discarded."))
        return redirect("dashboard")
    return _kept_page(request, kept, status=200)


@login_required
def my_data(request):
    """What the platform holds about the person, to download, and the erasure of the account."""
    data = privacy.personal_data(request.user)
    counts = sorted((label, len(rows)) for label, rows in data["records"].items())
    return render(request, "soliris/my_data.html", {"counts": counts})


@login_required
def my_data_export(request):
    response = HttpResponse(
        privacy.personal_data_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="soliris-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
def account_erase(request):
    """Asks for the password again (allauth), then for a confirmation, then erases."""
    if request.method != "POST":
        return render(request, "soliris/account_erase.html")
    if request.POST.get("confirm") != "erase":
        messages.error(request, _("Tick the box to confirm that the account is to be erased."))
        return redirect("my_data")
    privacy.account_erase(user=request.user)
    logout(request)
    messages.success(
        request,
        _("Your account is erased. What you wrote in shared records stays, signed “a former member”."),
    )
    return redirect("home")


@login_required
@require_POST
def undo_removal(request, key):
    """Undo a removal from the message that confirmed it (``soliris.undo``): the rights are
    checked again; a late, used or conflicting undo is refused with a message, never a 500."""
    offer = undo.find(key)
    if offer is None:
        raise Http404
    try:
        next_url = undo.take_back(actor=request.user, key=key)
    except LookupError as error:
        raise Http404 from error
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return HttpResponseRedirect(_safe_next(request, offer.next_url))
    messages.success(request, _("Undone: it is back as it was."))
    return HttpResponseRedirect(_safe_next(request, next_url))


def _safe_next(request, url: str) -> str:
    return (
        url if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) else reverse("home")
    )
