"""Document kinds used by the tests only: this app is installed by ``soliris.settings_test``."""

import time

from django.utils.html import escape

from soliris.pdf import DocumentKind, register


def _content(parameters: dict) -> dict:
    return {"text": str(parameters.get("text", "")), "seconds": float(parameters.get("seconds", 0))}


def _render(inputs: dict, parameters: dict, progress) -> str:
    steps = 10
    for step in range(steps):
        time.sleep(inputs["seconds"] / steps)
        progress(step * 5)
    if parameters.get("fail"):
        raise RuntimeError("the test renderer was asked to fail")
    return f"<html><body><h1>Test document</h1><p>{escape(inputs['text'])}</p></body></html>"


def _title(inputs: dict, parameters: dict) -> str:
    return f"Test document {inputs['text'][:40]}"


def _readers(user, parameters: dict) -> bool:
    """Who may read a test document: the e-mail address named in its parameters, if any,
    else anyone logged in (the real kinds ask the parties' current membership)."""
    reader = parameters.get("reader")
    return bool(user.is_authenticated) and (reader is None or user.email == reader)


register(
    DocumentKind(
        name="testing.slow",
        label="Test document",
        content=_content,
        render=_render,
        title=_title,
        can_view=_readers,
    )
)
register(
    DocumentKind(
        name="testing.signed",
        label="Signed test document",
        content=_content,
        render=_render,
        title=_title,
        can_view=_readers,
        sign=True,
    )
)
