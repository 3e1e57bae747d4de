"""The signed charter: one PDF of a signed version in all its authentic languages (its kind
is registered in ``conventions.pdfs``; built party by party, see ``conventions.chain``).

One bilingual (or trilingual) document per signed version: every clause in each authentic
language, side by side when there are two, one language after another otherwise, numbered
identically. ``parameters["language"]`` is only the language of the surrounding labels and
dates (the first authentic language by default).
"""

import hashlib
import json
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django_countries import countries

from conventions import selectors
from conventions.keys import certificate_names
from conventions.models import Document, DocumentKind, Version, VersionStatus
from conventions.permissions import is_party_member
from partners.permissions import partnership_is_visible_to
from partners.visibility import HIDDEN_NAME, is_publicly_named
from soliris import pdf
from soliris.pdf.rendering import qr_svg
from soliris.pdf.sealing import ANCHOR_PREFIX
from soliris.pdf.signing import certificate_note

KIND = "conventions.charter"


def version_hash(snapshot: dict) -> str:
    """The fingerprint of a version's frozen text (printed on the PDF, shown on the pages)."""
    encoded = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def parameters_for(version, language: str | None = None) -> dict:
    languages = version.snapshot.get("authentic_languages") or [settings.LANGUAGE_CODE]
    return {"document": version.document.key, "version": version.number, "language": language or languages[0]}


def _signed_version(parameters: dict, statuses=(VersionStatus.SIGNED,)) -> Version | None:
    try:
        number = int(parameters.get("version"))
    except (TypeError, ValueError):
        return None
    return (
        Version.objects.select_related("document__partnership", "document__project")
        .prefetch_related(
            "signatures",
            "document__partnership__parties__organisation",
            "document__project__parties__organisation",
        )
        .filter(document__key=parameters.get("document"), number=number, status__in=statuses)
        .first()
    )


def charter_content(parameters: dict, *, agreed: bool = False) -> dict:
    """What the signed charter prints; ``agreed``: the agreed one, before any signature, with
    an empty box per party to sign in (``conventions.chain``)."""
    statuses = (VersionStatus.AGREED, VersionStatus.SIGNED) if agreed else (VersionStatus.SIGNED,)
    version = _signed_version(parameters, statuses)
    if version is None:
        raise pdf.DocumentUnavailable(_("This signed version does not exist."))
    document = version.document
    content = {
        "document": document.key,
        "number": version.number,
        # A partnership with a party not publicly named is never named to the public either.
        "partnership": document.partnership.name
        if document.partnership_id and partnership_is_visible_to(AnonymousUser(), document.partnership)
        else "",
        "snapshot": version.snapshot,
        "version_hash": version_hash(version.snapshot),
        # The PDF is public once published: organisations not publicly named are shown as
        # HIDDEN_NAME, without their country, nor the name or function of who signed for them.
        "parties": [
            {"name": organisation.name, "country": str(organisation.country.code or "")}
            if is_publicly_named(organisation)
            else {"name": str(HIDDEN_NAME), "country": ""}
            for organisation in document.party_organisations()
        ],
        "signatures": []
        if agreed
        else [
            {
                "name": row["name"],
                "function": row["function"],
                "organisation": row["organisation"],
                "signed_at": row["signed_at"].isoformat(),
            }
            for row in selectors.public_signature_rows(version)
        ],
        "signed_at": version.signed_at.isoformat() if version.signed_at and not agreed else "",
    }
    if agreed:  # a box per party, where its signature's stamp will be
        content["to_sign"] = [
            {"identifier": certificate_names(organisation)[1], "name": party["name"]}
            for organisation, party in zip(document.party_organisations(), content["parties"], strict=True)
        ]
    elif version.signatures.filter(seal_job__isnull=False).exists():
        # Built on the last party's signed file (``conventions.chain``), not rendered again.
        steps = version.signatures.filter(seal_job__isnull=False).select_related("seal_job")
        last = steps.order_by("-signed_at", "-id").first()
        content["previous"] = str(last.seal_job.key)
    all_named = all(is_publicly_named(organisation) for organisation in document.party_organisations())
    if document.project_id and all_named:  # the project's title in the language of this PDF
        with translation.override(parameters.get("language")):
            content["project"] = str(document.project.title)
    return content


def _language_name(code: str) -> str:
    return get_language_info(code)["name_local"]


def _name_in_sentence(code: str, language: str) -> str:
    """A language's name in the reader's language, as written inside a sentence ("en français")."""
    name = str(get_language_info(code)["name_translated"])
    return name.lower() if language in ("fr", "es") else name


def _country_name(code: str) -> str:
    return str(countries.name(code)) if code else ""


def render_charter(inputs: dict, parameters: dict, progress) -> str:
    snapshot = inputs["snapshot"]
    languages = snapshot.get("authentic_languages") or [parameters["language"]]
    clauses = []
    total = len(snapshot["clauses"]) or 1
    for number, clause in enumerate(snapshot["clauses"], start=1):
        texts = clause.get("texts", {})
        clauses.append(
            {
                "number": number,
                "texts": [
                    {
                        "language": code,
                        "heading": texts.get(code, {}).get("heading", ""),
                        "body": texts.get(code, {}).get("body", ""),
                    }
                    for code in languages
                ],
            }
        )
        progress(5 + 45 * number // total)
    by_language = [
        {
            "language": code,
            "name": _language_name(code).capitalize(),
            "clauses": [
                {"number": clause["number"], **next(t for t in clause["texts"] if t["language"] == code)}
                for clause in clauses
            ],
        }
        for code in languages
    ]
    verify_url = f"{settings.SITE_URL}{reverse('pdf:verify')}"
    kinds = dict(DocumentKind.choices)
    context = {
        "language": parameters["language"],
        # The outline (bookmarks) lists each clause once: in the reader's language if authentic.
        "outline_language": parameters["language"] if parameters["language"] in languages else languages[0],
        "title": snapshot.get("title", ""),
        "kind_label": kinds.get(snapshot.get("kind"), ""),
        "number": inputs["number"],
        "partnership": inputs["partnership"],
        "project": inputs.get("project", ""),
        "parties": [
            {**party, "country_name": _country_name(party["country"])} for party in inputs["parties"]
        ],
        "languages": [{"code": code, "name": _language_name(code).capitalize()} for code in languages],
        "language_names": ", ".join(_name_in_sentence(code, parameters["language"]) for code in languages),
        "side_by_side": len(languages) == 2,
        "clauses": clauses,
        "by_language": by_language,
        "to_sign": inputs.get("to_sign", []),
        "signature_anchor": ANCHOR_PREFIX,
        "signatures": [
            {**signature, "signed_at": timezone.localtime(datetime.fromisoformat(signature["signed_at"]))}
            for signature in inputs["signatures"]
        ],
        "signed_at": timezone.localtime(datetime.fromisoformat(inputs["signed_at"]))
        if inputs["signed_at"]
        else None,
        "version_hash": inputs["version_hash"],
        "verify_url": verify_url,
        "verify_short": verify_url.split("://", 1)[-1],
        "verify_qr": mark_safe(pdf_qr(verify_url)),  # generated SVG, no user input
        "certificate": certificate_note(),
        "generated_at": timezone.localtime(),
        "time_zone": settings.TIME_ZONE,
    }
    return render_to_string("conventions/pdf/charter.html", context)


def pdf_qr(url: str) -> str:
    return qr_svg(url, size_mm=24)


def charter_title(inputs: dict, parameters: dict) -> str:
    return _("%(title)s — signed version %(number)s") % {
        "title": inputs["snapshot"].get("title", ""),
        "number": inputs["number"],
    }


def can_view_charter(user, parameters: dict) -> bool:
    """The parties' members; anyone once the parties published this version."""
    document = (
        selectors.with_parties(Document.objects.select_related("published_version"))
        .filter(key=parameters.get("document"))
        .first()
    )
    if document is None:
        return False
    if document.published_version is not None and document.published_version.number == parameters.get(
        "version"
    ):
        return True
    return bool(getattr(user, "is_authenticated", False) and is_party_member(user, document))


def charter_back_url(parameters: dict) -> str:
    return reverse("conventions:version_detail", args=[parameters["document"], parameters["version"]])


def describe_charter(job) -> list[tuple[str, str]]:
    """What the verification page says this PDF is: the convention and its version."""
    inputs = job.inputs
    snapshot = inputs.get("snapshot", {})
    kinds = dict(DocumentKind.choices)
    return [
        (_("Document"), f"{kinds.get(snapshot.get('kind'), '')} — {snapshot.get('title', '')}"),
        (_("Version"), str(inputs.get("number", ""))),
        (_("Parties"), ", ".join(party["name"] for party in inputs.get("parties", []))),
        (
            _("Signed by"),
            "; ".join(f"{s['name']} ({s['organisation']})" for s in inputs.get("signatures", [])),
        ),
        (_("Fingerprint of the version"), inputs.get("version_hash", "")),
    ]
