"""Forged addresses: a NUL byte, a thousand characters or a number beyond any column answers
404 (or 403), never 500 — in every parameter of partners/urls.py."""

import pytest

pytestmark = pytest.mark.django_db

LONG = "a" * 1000
HUGE = "9" * 30


@pytest.mark.parametrize(
    "path",
    [
        f"/fr/partnerships/{LONG}/",
        "/fr/partnerships/abc%00def/history/",
        f"/fr/invitations/{'A' * 1000}/",
        "/fr/invitations/abcdefghijklmnop%00/",
        f"/fr/organisations/{LONG}/",
        "/fr/organisations/cast-jette%00/",
        f"/fr/organisations/cast-jette/members/{HUGE}/edit/",
        f"/fr/organisations/cast-jette/invitations/{HUGE}/cancel/",
        "/fr/partnerships/{key}/exchanges/" + LONG + "/edit/",
        "/fr/partnerships/{key}/check-ins/" + HUGE + "/cast-jette/",
        "/fr/partnerships/{key}/parties/" + LONG + "/edit/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_address_is_a_404_never_a_500(as_role, cast, path, method):
    client = as_role("party_coordinator")
    response = getattr(client, method)(path.format(key=cast.partnership.key))
    assert response.status_code in (403, 404, 405)


def test_no_inline_style_nor_script_in_the_html_templates_of_partners():
    """Ready for a Content-Security-Policy without 'unsafe-inline' (PDF templates aside)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "partners" / "templates"
    inline = re.compile(r"""\sstyle=|<style\b|<script(?![^>]*\bsrc=)|\son[a-z]+=["']|javascript:""", re.I)
    offending = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if "pdf" not in path.parts and inline.search(path.read_text())
    ]
    assert offending == []
