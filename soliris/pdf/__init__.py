"""Documents rendered as PDF by a worker: any *document kind* plugs in with a renderer.

An app declares its kinds in ``<app>/pdfs.py`` (found automatically)::

    from soliris import pdf

    pdf.register(
        pdf.DocumentKind(
            name="events.booklet",
            label=_("Recommendation booklet"),
            content=booklet_content,      # parameters -> JSON snapshot of the inputs
            render=render_booklet,        # (inputs, parameters, progress) -> HTML
            title=booklet_title,          # (inputs, parameters) -> str
            can_view=can_view_booklet,    # (user, parameters) -> bool
            sign=True,                    # sign with the platform key (PAdES B-B)
        )
    )

then ``soliris.pdf.services.job_request(actor=..., kind="events.booklet",
parameters={"language": "es", ...})`` returns the job (an existing one when the same
content was already asked for) and the worker renders it (``soliris.tasks.render_document``).

The parts: ``rendering`` (WeasyPrint with the fonts shipped in ``fonts/``), ``signing``
(the platform certificate, signing and verification with pyHanko), ``services`` (jobs),
``views``/``urls`` (the job page, its progress, the download, the public verification page).
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _


class DocumentUnavailable(Exception):
    """The parameters do not name a document that can be rendered (raised by ``content``)."""


class NotReady(Exception):
    """What this document is built on is not rendered yet (raised by ``build`` with the key of
    the job it waits for): the job goes back to the queue, and is queued again when that job
    is done (or by the sweep)."""

    def __init__(self, waits_for: str):
        super().__init__(f"waiting for render job {waits_for}")
        self.waits_for = waits_for


def _nobody(user, parameters) -> bool:
    return False


@dataclass(frozen=True)
class DocumentKind:
    name: str
    label: Any
    content: Callable[[dict], dict]
    render: Callable[[dict, dict, Callable[[int], None]], str]
    title: Callable[[dict, dict], str]
    can_view: Callable[[Any, dict], bool] = field(default=_nobody)
    sign: bool = False
    # With ``sign``: signs the rendered PDF itself, instead of the platform's one signature
    # (a charter: certified by the platform, then signed by each party, see ``sealing``):
    # (data, inputs, parameters) -> data. Runs in the worker, where the keys are used.
    seal: Callable[[bytes, dict, dict], bytes] | None = None
    # Instead of ``render``: builds the PDF from earlier jobs' files (a charter signed party by
    # party, see ``conventions.chain``): (inputs, parameters, progress) -> PDF bytes, or
    # ``None`` to render it from HTML after all. May raise ``NotReady``.
    build: Callable[[dict, dict, Callable[[int], None]], bytes | None] | None = None
    # The page the document is about (shown on the job's page): parameters -> address or "".
    back_url: Callable[[dict], str] | None = None
    # What the verification page says a rendered job is: job -> [(label, value), ...].
    describe: Callable[[Any], list] | None = None
    # Bump when the layout changes: the same data then renders again.
    version: str = "1"


_KINDS: dict[str, DocumentKind] = {}
_DISCOVERED = False


def register(kind: DocumentKind) -> DocumentKind:
    _KINDS[kind.name] = kind
    return kind


def autodiscover() -> None:
    global _DISCOVERED
    if _DISCOVERED:
        return
    from django.apps import apps

    for config in apps.get_app_configs():
        module = f"{config.name}.pdfs"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
    _DISCOVERED = True


def get_kind(name: str) -> DocumentKind:
    autodiscover()
    try:
        return _KINDS[name]
    except KeyError:
        raise DocumentUnavailable(_("Unknown document kind.")) from None


def kinds() -> dict[str, DocumentKind]:
    autodiscover()
    return dict(_KINDS)
