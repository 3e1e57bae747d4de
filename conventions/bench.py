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

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from conventions.bench_rows import build_main, build_others, make_partner_user
from conventions.bench_texts import CLAUSES, LANGUAGES, PARTNER_EMAIL, PARTNER_SLUG, PARTNERSHIP_NAME
from conventions.models import (
    Approval,
    Clause,
    ClauseText,
    Comment,
    CommentThread,
    Document,
    PublicationConsent,
    Signature,
    Version,
)
from partners.bench import BENCH_USER_EMAIL, bench_user
from partners.models import Membership, Organisation, Partnership, PartnershipParty
from partners.permissions import forget_roles
from soliris.benchdata import analyze, raw_delete
from soliris.benchkit import Floor, Page


def sizes_for(organisations: int) -> dict:
    return {"documents": max(4, organisations // 20)}


def _bench_documents():
    return Document.objects.filter(partnership__name__startswith="⟨bench")


def _main_document():
    return _bench_documents().filter(partnership__name=PARTNERSHIP_NAME).first()


def _data_exists(sizes) -> bool:
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


def build(organisations: int = 10_000, log=print) -> None:
    """Build the conventions of ``organisations`` (once: a second call with the same size does nothing)."""

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
        partner_user = make_partner_user(partner)
        forget_roles(member)
        main = build_main(member, partner_user, first, partner)
        log(
            f"conventions: the measured convention ({CLAUSES} clauses in {len(LANGUAGES)} languages, 3 versions)"
        )
        documents, clauses, texts, versions = build_others(
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
