"""No 500 on an address anyone can type: every URL of the resolver, each parameter replaced
by a NUL byte, a thousand characters or characters outside its alphabet, answers a 4xx (or a
redirect to the log-in), for a visitor and for a signed-in person. New URLs are covered
without writing anything."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

PARAMETER = re.compile(r"<[^>]+>")
FORGED = ["%00", "a" * 1000, "%C3%A9t%C3%A9%20%27x", "..%2F..%2Fetc", "-1"]


def routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if route.startswith("^") or "(?P" in route:
            route = ""  # a regex pattern (the i18n prefix is added below, the admin's are its own)
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + route)
        elif isinstance(entry, URLPattern) and PARAMETER.search(prefix + route):
            yield prefix + route


ROUTES = sorted(set(routes()))


def test_there_are_addresses_with_parameters_to_forge():
    assert len(ROUTES) > 40


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES)
def test_a_forged_parameter_never_answers_a_server_error(route, make_user):
    visitor = Client(raise_request_exception=False)
    member = Client(raise_request_exception=False)
    member.force_login(make_user())
    problems = []
    for forged in FORGED:
        path = "/" + PARAMETER.sub(forged, route)  # the i18n prefix ("fr/") is in the route
        for who, client in (("visitor", visitor), ("member", member)):
            status = client.get(path).status_code
            if status >= 500:
                problems.append(f"{who} GET {path[:120]} → {status}")
    assert problems == []
