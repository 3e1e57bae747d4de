"""Benchmark data of the conventions, and the drafting pages it measures.

One convention is measured: that of a partnership of its own (``⟨bench-conv⟩``, not
``⟨bench⟩``: partners counts its own partnerships by that prefix) between ``bench-00000``,
whose coordinator the pages are read as (``partners.bench.BENCH_USER_EMAIL``), and
``bench-00003``. Its working draft has 20 clauses in French, Dutch, English and Spanish (French
and Spanish authentic), two versions superseded and a third proposed for approval, and comment
threads. Around it, N / 20 documents (at least 4) of other bench partnerships, those of
``bench-00000`` first, with a few clauses each and for a quarter of them a proposed version, so
that the lists are those of a platform in use. Snapshots are written as
``conventions.services.build_snapshot`` writes them (checked against it on the third version).
"""

import random
import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from soliris.benchdata import analyze, explicit_dates, raw_delete

PARTNERSHIP_NAME = "⟨bench-conv⟩ Convention de partenariat (bench-00000 – bench-00003)"
PARTNER_SLUG = "bench-00003"
PARTNER_EMAIL = "bench-partner@soliris.invalid"
TITLE = "Convention de partenariat / Convenio de hermanamiento"
LANGUAGES = ("fr", "nl", "en", "es")
AUTHENTIC = ["fr", "es"]
CLAUSES = 20

# What the second half of the clauses adds to the model charter's (the part on joint projects),
# and what each version changed.
SECOND_PART = {
    "fr": (" (volet projets)", " Ce qui précède vaut aussi pour chaque projet commun."),
    "nl": (" (projectluik)", " Het voorgaande geldt ook voor elk gezamenlijk project."),
    "en": (" (projects)", " The above also applies to each joint project."),
    "es": (" (proyectos)", " Lo anterior vale también para cada proyecto común."),
}
AMENDMENT_V2 = {
    "fr": " Les parties se réunissent au moins une fois par an.",
    "nl": " De partijen komen minstens één keer per jaar samen.",
    "en": " The parties meet at least once a year.",
    "es": " Las partes se reúnen al menos una vez al año.",
}
AMENDMENT_V3 = {
    "fr": " Chaque partie désigne une personne de contact, nommée dans l'annexe.",
    "nl": " Elke partij wijst een contactpersoon aan, vermeld in de bijlage.",
    "en": " Each party names a contact person, listed in the appendix.",
    "es": " Cada parte designa a una persona de contacto, nombrada en el anexo.",
}
AMENDED_IN_V2, AMENDED_IN_V3 = 2, (5, 13)  # clause indexes (0-based)
ADDED_IN_V2 = range(16, 20)
SWAPPED_IN_V2 = (11, 12)  # two clauses that changed places


def sizes_for(organisations: int) -> dict:
    return {"documents": max(4, organisations // 20)}


def _bench_documents():
    from conventions.models import Document

    return Document.objects.filter(partnership__name__startswith="⟨bench")


def _main_document():
    return _bench_documents().filter(partnership__name=PARTNERSHIP_NAME).first()


def _data_exists(sizes) -> bool:
    from conventions.models import Clause, Version

    main = _main_document()
    return (
        main is not None
        and _bench_documents().count() == sizes["documents"] + 1
        and Clause.objects.filter(document=main, removed_at__isnull=True).count() == CLAUSES
        and Version.objects.filter(document=main).count() == 3
    )


def clear(log=print) -> None:
    """Remove the bench documents (their versions too: the trigger that keeps a version from
    ever being deleted is switched off for that statement only), the convention's partnership
    and the partner's account."""
    from django.contrib.auth import get_user_model

    from conventions.models import (
        Approval,
        Clause,
        ClauseText,
        Comment,
        CommentThread,
        PublicationConsent,
        Signature,
        Version,
    )
    from partners.models import Membership, Partnership, PartnershipParty

    documents = _bench_documents()
    versions = Version.objects.filter(document__in=documents)
    raw_delete(Approval.objects.filter(version__in=versions))
    raw_delete(Signature.objects.filter(version__in=versions))
    raw_delete(PublicationConsent.objects.filter(version__in=versions))
    documents.update(published_version=None)
    with connection.cursor() as cursor:
        # A table with foreign-key checks still pending (Django's are deferred to the commit)
        # cannot be altered: they are run now, then deferred again as Django expects.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE conventions_version DISABLE TRIGGER conventions_version_frozen")
        try:
            raw_delete(versions)
        finally:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE conventions_version ENABLE TRIGGER conventions_version_frozen")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    threads = CommentThread.objects.filter(document__in=documents)
    raw_delete(Comment.objects.filter(thread__in=threads))
    raw_delete(CommentThread.mentions.through.objects.filter(commentthread__in=threads))
    raw_delete(threads)
    raw_delete(ClauseText.objects.filter(clause__document__in=documents))
    raw_delete(Clause.objects.filter(document__in=documents))
    deleted = raw_delete(documents)
    raw_delete(PartnershipParty.objects.filter(partnership__name=PARTNERSHIP_NAME))
    raw_delete(Partnership.objects.filter(name=PARTNERSHIP_NAME))
    partner = get_user_model().objects.filter(email=PARTNER_EMAIL)
    raw_delete(Membership.objects.filter(user__in=partner))
    raw_delete(partner)
    if deleted:
        log(f"conventions: {deleted} bench documents removed")


# --- The measured convention's texts, version by version -------------------------------------


def _clause_texts(index: int, number: int) -> dict:
    """{language: (heading, body)} of clause ``index`` as version ``number`` froze it (4: the
    draft, unchanged since version 3)."""
    from conventions import charters

    model = charters.get("operating-charter")["clauses"][index % 10]
    texts = {}
    for language in LANGUAGES:
        heading, body = model["heading"][language], model["body"][language]
        if index >= 10:
            suffix, sentence = SECOND_PART[language]
            heading, body = f"{heading}{suffix}", f"{body}{sentence}"
        if index == AMENDED_IN_V2 and number >= 2:
            body += AMENDMENT_V2[language]
        if index in AMENDED_IN_V3 and number >= 3 and language in AUTHENTIC:
            body += AMENDMENT_V3[language]  # the other languages' translations wait for review
        texts[language] = (f"Article {index + 1}. {heading}", body)
    return texts


def _clause_order(number: int) -> list[int]:
    order = [i for i in range(CLAUSES) if number >= 2 or i not in ADDED_IN_V2]
    if number >= 2:
        a, b = SWAPPED_IN_V2
        order[a], order[b] = order[b], order[a]
    return order


def _original_language(index: int) -> str:
    return "fr" if index < 10 else "es"  # each side wrote its half in its own language


def _states(index: int, number: int) -> dict:
    """{language: (state, is_original, revision, source_revision)} of the clause's texts: the
    original edited for a version leaves the non-authentic translations "to review"."""
    from conventions.models import TranslationState

    original = _original_language(index)
    amended = (index == AMENDED_IN_V2 and number >= 2) + (index in AMENDED_IN_V3 and number >= 3)
    states = {}
    for language in LANGUAGES:
        if language == original:
            states[language] = (TranslationState.UP_TO_DATE, True, 1 + amended, None)
        elif language in AUTHENTIC or not (index in AMENDED_IN_V3 and number >= 3):
            states[language] = (TranslationState.UP_TO_DATE, False, 1 + amended, 1 + amended)
        else:
            states[language] = (TranslationState.TO_REVIEW, False, 1 + amended - 1, amended)
    return states


def _snapshot(keys: dict, number: int) -> dict:
    """A version's frozen text, in ``build_snapshot``'s shape (texts by language, in the order
    the draft reads them)."""
    clauses = []
    for index in _clause_order(number):
        texts, states = _clause_texts(index, number), _states(index, number)
        clauses.append(
            {
                "key": keys[index],
                "original_language": _original_language(index),
                "texts": {
                    language: {
                        "heading": texts[language][0],
                        "body": texts[language][1],
                        "state": int(states[language][0]),
                        "is_original": states[language][1],
                    }
                    for language in LANGUAGES
                },
            }
        )
    return {"title": TITLE, "kind": "convention", "authentic_languages": AUTHENTIC, "clauses": clauses}


# --- Building ----------------------------------------------------------------------------------


def _partner_user(organisation):
    from django.contrib.auth import get_user_model

    from partners.models import Membership, Role

    user, created = get_user_model().objects.get_or_create(
        email=PARTNER_EMAIL, defaults={"full_name": "Bench Partner", "preferred_language": "es"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(
        organisation=organisation,
        user=user,
        defaults={"role": Role.COORDINATOR, "may_sign": True, "function": "Directora de Cooperación"},
    )
    return user


def _partnership(first, partner):
    """The convention's partnership, both parties accepted, its denormalised fields as the
    partners services keep them."""
    from partners.models import Partnership, PartnershipKind, PartnershipParty, PartnershipStatus, PartyStatus
    from partners.permissions import organisation_is_public
    from partners.search_text import partnership_document

    partnership = Partnership(
        name=PARTNERSHIP_NAME,
        kind=PartnershipKind.COMMUNE_TO_COMMUNE,
        status=PartnershipStatus.ACTIVE,
        started_on=date(2019, 3, 1),
        initiated_by=first,
        description_fr="Le partenariat dont la convention est mesurée par le banc d'essai.",
    )
    partnership.search_document = partnership_document(partnership, [first, partner])
    partnership.countries = sorted({str(first.country), str(partner.country)})
    partnership.is_listed = organisation_is_public(first) and organisation_is_public(partner)
    partnership.save()
    now = timezone.now()
    for organisation in (first, partner):
        PartnershipParty.objects.create(
            partnership=partnership,
            organisation=organisation,
            status=PartyStatus.ACCEPTED,
            role="Partie à la convention",
            responded_at=now,
        )
    return partnership


def _build_main(member, partner_user, first, partner):
    """The measured convention: 20 clauses in four languages, versions 1 and 2 superseded,
    version 3 proposed (the draft as it froze it), comment threads on the draft."""
    from conventions.models import (
        Approval,
        Clause,
        ClauseText,
        Comment,
        CommentThread,
        Decision,
        Document,
        DocumentKind,
        DocumentStatus,
        ThreadStatus,
        Version,
        VersionStatus,
    )
    from conventions.selectors import draft_clauses
    from conventions.services.versions import build_snapshot
    from soliris.benchdata import key

    partnership = _partnership(first, partner)
    now = timezone.now()
    document = Document(
        key=key(0, 53),
        kind=DocumentKind.CONVENTION,
        title=TITLE,
        partnership=partnership,
        authentic_languages=AUTHENTIC,
        status=DocumentStatus.PROPOSED,
        draft_revision=3 * CLAUSES + 12,
        last_number=3,
        created_by=member,
        created_at=now - timedelta(days=200),
        updated_at=now,
    )
    with explicit_dates(Document, "created_at", "updated_at"):
        document.save()
    keys = {index: key(index, 37) for index in range(CLAUSES)}
    clauses = []
    for position, index in enumerate(_clause_order(4), start=1):
        clauses.append(
            Clause(
                document=document,
                key=keys[index],
                position=position,
                original_language=_original_language(index),
                created_by=member if _original_language(index) == "fr" else partner_user,
            )
        )
    Clause.objects.bulk_create(clauses)
    texts = []
    for clause, index in zip(clauses, _clause_order(4), strict=True):
        words, states = _clause_texts(index, 4), _states(index, 4)
        for language in LANGUAGES:
            state, is_original, revision, source_revision = states[language]
            texts.append(
                ClauseText(
                    clause=clause,
                    language=language,
                    heading=words[language][0],
                    body=words[language][1],
                    is_original=is_original,
                    state=state,
                    revision=revision,
                    source_revision=source_revision,
                    updated_by=member if language in ("fr", "nl") else partner_user,
                )
            )
    ClauseText.objects.bulk_create(texts)

    snapshot = build_snapshot(document, draft_clauses(document))
    if snapshot != _snapshot(keys, 3):  # the builder's versions are frozen as the service freezes
        raise AssertionError("conventions.bench: the snapshot differs from build_snapshot's")
    versions = []
    for number in (1, 2, 3):
        proposed = now - timedelta(days=120 - 40 * number)
        versions.append(
            Version(
                document=document,
                number=number,
                status=VersionStatus.PROPOSED if number == 3 else VersionStatus.SUPERSEDED,
                snapshot=snapshot if number == 3 else _snapshot(keys, number),
                draft_revision=document.draft_revision - 12 * (3 - number),
                reason=["Première lecture.", "Avec les articles sur les projets communs.", "Texte final."][
                    number - 1
                ],
                proposed_by=member if number != 2 else partner_user,
                proposed_by_name=(member if number != 2 else partner_user).get_full_name(),
                proposed_at=proposed,
                superseded_at=None if number == 3 else proposed + timedelta(days=30),
            )
        )
    Version.objects.bulk_create(versions)
    Approval.objects.bulk_create(
        [
            Approval(
                version=versions[0],
                organisation=first,
                decision=Decision.APPROVED,
                decided_by=member,
                decided_at=versions[0].proposed_at + timedelta(days=3),
            ),
            Approval(
                version=versions[0],
                organisation=partner,
                decision=Decision.CHANGES_REQUESTED,
                comment="Falta el apartado sobre los proyectos comunes.",
                decided_by=partner_user,
                decided_at=versions[0].proposed_at + timedelta(days=5),
            ),
            Approval(
                version=versions[2],
                organisation=partner,
                decision=Decision.APPROVED,
                decided_by=partner_user,
                decided_at=now - timedelta(days=1),
            ),
        ]
    )
    for n, position in enumerate((3, 6, 14, 17, 19)):
        clause = clauses[position - 1]
        resolved = n >= 3
        thread = CommentThread.objects.create(
            key=key(n, 41),
            document=document,
            clause=clause,
            language="fr" if n % 2 == 0 else "es",
            status=ThreadStatus.RESOLVED if resolved else ThreadStatus.OPEN,
            version_number=4 if not resolved else 3,
            created_by=member if n % 2 == 0 else partner_user,
            resolved_by=partner_user if resolved else None,
            resolved_at=now - timedelta(days=2) if resolved else None,
        )
        Comment.objects.bulk_create(
            [
                Comment(thread=thread, author=member, language="fr", body="Peut-on préciser le calendrier ?"),
                Comment(
                    thread=thread, author=partner_user, language="es", body="Sí, lo añadimos en el anexo."
                ),
            ]
        )
    return document


def _build_others(count, rng, member, partner_user, first_id):
    """Documents of other bench partnerships (``bench-00000``'s first): a few clauses in one
    or two languages, a quarter of them with a proposed first version."""
    from conventions import charters
    from conventions.models import (
        Clause,
        ClauseText,
        Document,
        DocumentKind,
        DocumentStatus,
        TranslationState,
        Version,
        VersionStatus,
    )
    from conventions.services.versions import build_snapshot
    from partners.models import Partnership, PartnershipStatus
    from soliris.benchdata import key

    open_partnerships = Partnership.objects.filter(name__startswith="⟨bench⟩").exclude(
        status=PartnershipStatus.ENDED
    )
    first_ones = list(
        open_partnerships.filter(parties__organisation_id=first_id, parties__status="accepted")
        .order_by("pk")
        .values_list("pk", "name")
    )
    others = list(open_partnerships.order_by("pk").values_list("pk", "name"))
    chosen = dict(first_ones)
    for pk, name in rng.sample(others, min(len(others), count)):
        if len(chosen) >= count:
            break
        chosen.setdefault(pk, name)
    model = charters.get("operating-charter")["clauses"]
    now = timezone.now()
    documents = []
    for n, (pk, name) in enumerate(chosen.items()):
        kind = rng.choice([DocumentKind.CONVENTION, DocumentKind.CONVENTION, DocumentKind.CHARTER])
        languages = rng.choice([["fr"], ["fr", "es"], ["fr", "nl"], ["en"], ["es"]])
        updated = now - timedelta(days=rng.randint(2, 900), minutes=rng.randint(0, 1439))
        document = Document(
            key=key(n, 43),
            kind=kind,
            title=f"{'Convention' if kind == DocumentKind.CONVENTION else 'Charte'} — {name.removeprefix('⟨bench⟩ ')}",
            partnership_id=pk,
            authentic_languages=languages,
            status=DocumentStatus.DRAFT,
            created_by=member if pk in dict(first_ones) else partner_user,
            created_at=updated - timedelta(days=rng.randint(10, 300)),
            updated_at=updated,
        )
        document.clause_count = rng.randint(3, 8)
        document.with_version = rng.random() < 0.25
        documents.append(document)
    with explicit_dates(Document, "created_at", "updated_at"):
        Document.objects.bulk_create(documents, batch_size=1000)
    clauses, texts = [], []
    for document in documents:
        for position in range(1, document.clause_count + 1):
            clauses.append(
                Clause(
                    document=document,
                    key=key(len(clauses), 47),
                    position=position,
                    original_language=document.authentic_languages[0],
                )
            )
    Clause.objects.bulk_create(clauses, batch_size=2000)
    for clause in clauses:
        source = model[(clause.position - 1) % len(model)]
        for language in clause.document.authentic_languages:
            texts.append(
                ClauseText(
                    clause=clause,
                    language=language,
                    heading=source["heading"][language],
                    body=source["body"][language],
                    is_original=language == clause.original_language,
                    state=TranslationState.UP_TO_DATE,
                    source_revision=None if language == clause.original_language else 1,
                )
            )
    ClauseText.objects.bulk_create(texts, batch_size=2000)
    # Frozen as ``version_propose`` freezes: the draft's clauses read back with their texts.
    proposed = [d for d in documents if d.with_version]
    drafts = {}
    for clause in (
        Clause.objects.filter(document__in=[d.pk for d in proposed])
        .prefetch_related(Prefetch("texts", queryset=ClauseText.objects.order_by("language")))
        .order_by("document_id", "position", "id")
    ):
        drafts.setdefault(clause.document_id, []).append(clause)
    versions = []
    for document in proposed:
        draft = drafts[document.pk]
        versions.append(
            Version(
                document=document,
                number=1,
                status=VersionStatus.PROPOSED,
                snapshot=build_snapshot(document, draft),
                proposed_by=document.created_by,
                proposed_by_name=document.created_by.get_full_name(),
                proposed_at=document.updated_at,
            )
        )
        document.status, document.last_number = DocumentStatus.PROPOSED, 1
    Version.objects.bulk_create(versions, batch_size=1000)
    Document.objects.bulk_update(proposed, ["status", "last_number"], batch_size=1000)
    return documents, clauses, texts, versions


def build(organisations: int = 10_000, log=print) -> None:
    """Build the conventions of ``organisations`` (once: a second call with the same size does nothing)."""
    from conventions.models import (
        Approval,
        Clause,
        ClauseText,
        Comment,
        CommentThread,
        Document,
        Version,
    )
    from partners.bench import BENCH_USER_EMAIL, bench_user
    from partners.models import Organisation
    from partners.permissions import forget_roles

    sizes = sizes_for(organisations)
    if _data_exists(sizes):
        log(f"conventions: synthetic data set ({organisations} organisations) already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261204)  # noqa: S311 — deterministic synthetic data, not secrets
    with transaction.atomic():
        clear(log)
        member = bench_user()  # already made by partners' build: found again
        if not member.full_name:
            raise AssertionError(f"{BENCH_USER_EMAIL} needs a full name to approve and comment")
        first = Organisation.objects.get(slug="bench-00000")
        partner = Organisation.objects.get(slug=PARTNER_SLUG)
        partner_user = _partner_user(partner)
        forget_roles(member)
        main = _build_main(member, partner_user, first, partner)
        log(
            f"conventions: the measured convention ({CLAUSES} clauses in {len(LANGUAGES)} languages, 3 versions)"
        )
        documents, clauses, texts, versions = _build_others(
            sizes["documents"], rng, member, partner_user, first.pk
        )
        log(
            f"conventions: {len(documents)} other documents, {len(clauses)} clauses, {len(texts)} texts,"
            f" {len(versions)} proposed versions"
        )
    analyze(Document, Clause, ClauseText, Version, Approval, CommentThread, Comment)
    log(f"conventions: data set built in {time.perf_counter() - started:.1f} s (measured: {main.key})")


def pages() -> list:
    """The measured convention's draft, a frozen version, the comparison of two versions and the
    member's list of documents, read as its coordinator, and their floors."""
    from conventions.models import ClauseText, Document, Version
    from partners.bench import BENCH_USER_EMAIL
    from partners.models import Partnership
    from soliris.benchkit import Floor, Page

    document = _main_document()
    clause_texts = ClauseText.objects.filter(
        clause__document=document, clause__removed_at__isnull=True
    ).order_by("clause__position", "language")
    mine = Partnership.objects.filter(
        parties__organisation__slug="bench-00000", parties__status="accepted"
    ).values("pk")
    base = f"/fr/conventions/{document.key}/"
    return [
        Page(
            "conventions",
            "convention draft (20 clauses, 4 languages)",
            base,
            Floor(clause_texts, ("clause__position", "language", "heading", "body", "state")),
            user=BENCH_USER_EMAIL,
        ),
        Page(
            "conventions",
            "frozen version (v3)",
            f"{base}versions/3/",
            Floor(Version.objects.filter(document=document, number=3), ("number", "status", "snapshot")),
            user=BENCH_USER_EMAIL,
        ),
        Page(
            "conventions",
            "versions compared (v2 → v3)",
            f"{base}compare/?from=2&to=3",
            Floor(
                Version.objects.filter(document=document, number__in=[2, 3]).order_by("number"),
                ("number", "snapshot"),
            ),
            user=BENCH_USER_EMAIL,
        ),
        Page(
            "conventions",
            "document list",
            "/fr/conventions/",
            Floor(
                Document.objects.filter(partnership__in=mine).order_by("-updated_at")[:25],
                ("title", "key", "kind", "status"),
            ),
            user=BENCH_USER_EMAIL,
        ),
    ]
