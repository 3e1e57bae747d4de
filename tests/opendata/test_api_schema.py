"""The API's OpenAPI schema: valid, describing every field and parameter, and true to the
answers — checked by schemathesis on the demo data — and its documentation page."""

import re

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.opendata.test_api_world import API

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 12


def test_the_schema_is_valid_openapi_3(client):
    schema = client.get(f"{API}openapi.json").json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert SchemaGenerator().get_schema(request=None, public=True)["paths"].keys() == schema["paths"].keys()


def _undescribed(schema: dict) -> list[str]:
    missing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if not parameter.get("description"):
                    missing.append(f"{method} {path} ?{parameter['name']}")
    for name, component in schema["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            if "description" not in spec and "$ref" not in spec and "allOf" not in spec:
                missing.append(f"{name}.{field}")
    return missing


def test_every_parameter_and_field_is_described(client):
    assert _undescribed(client.get(f"{API}openapi.json").json()) == []


def test_the_documentation_page_runs_no_inline_script_and_loads_only_local_assets(client):
    response = client.get(f"{API}docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts
    assert "<style" not in html and " style=" not in html  # the CSP allows no inline style either
    for attributes, body in scripts:
        assert not body.strip()
        source = re.search(r'src="([^"]+)"', attributes).group(1)
        assert source.startswith("/"), source  # same origin, no CDN
    for asset in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert not asset.startswith(("http:", "https:", "//")), asset
        assert client.get(asset).status_code == 200, asset
    script = client.get(f"{API}docs/?script=")
    assert "openapi.json" in script.content.decode()
    assert "script-src 'self'" in response.headers.get("Content-Security-Policy", "")


@pytest.fixture
def wsgi_app():
    """The site's WSGI application, called in the test's transaction: as Django's test client
    does, the end of a request does not close the database connection (the test's)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_answers_match_the_schema_on_the_demo_data(wsgi_app):
    """Every operation, with parameters generated from the schema (derandomised: the same
    cases on every run): no 500, every status, content type, header and body as documented."""
    call_command("seed_demo")
    schema = schemathesis.openapi.from_wsgi(f"{API}openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 17
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            # The WSGI transport does not inflate what GZipMiddleware compresses.
            case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)

        check()
