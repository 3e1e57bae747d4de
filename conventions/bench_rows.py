"""The rows of the conventions' benchmark data (``conventions.bench``): the measured convention
with its partnership, versions, approvals and threads; the other partnerships' documents."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import timezone

from conventions import charters
from conventions.bench_texts import (
    AUTHENTIC,
    CLAUSES,
    LANGUAGES,
    PARTNER_EMAIL,
    PARTNERSHIP_NAME,
    TITLE,
    clause_order,
    clause_states,
    clause_texts,
    frozen_text,
    original_language,
)
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
    TranslationState,
    Version,
    VersionStatus,
)
from conventions.selectors import draft_clauses
from conventions.services.versions import build_snapshot
from partners.models import (
    Membership,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
    Role,
)
from partners.permissions import organisation_is_public
from partners.search_text import partnership_document
from soliris.benchdata import explicit_dates, key


def make_partner_user(organisation):
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


def build_main(member, partner_user, first, partner):
    """The measured convention: 20 clauses in four languages, versions 1 and 2 superseded,
    version 3 proposed (the draft as it froze it), comment threads on the draft."""

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
    for position, index in enumerate(clause_order(4), start=1):
        clauses.append(
            Clause(
                document=document,
                key=keys[index],
                position=position,
                original_language=original_language(index),
                created_by=member if original_language(index) == "fr" else partner_user,
            )
        )
    Clause.objects.bulk_create(clauses)
    texts = []
    for clause, index in zip(clauses, clause_order(4), strict=True):
        words, states = clause_texts(index, 4), clause_states(index, 4)
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

    frozen = build_snapshot(document, draft_clauses(document))
    if frozen != frozen_text(keys, 3):  # the builder's versions are frozen as the service freezes
        raise AssertionError("conventions.bench: the snapshot differs from build_snapshot's")
    versions = []
    for number in (1, 2, 3):
        proposed = now - timedelta(days=120 - 40 * number)
        versions.append(
            Version(
                document=document,
                number=number,
                status=VersionStatus.PROPOSED if number == 3 else VersionStatus.SUPERSEDED,
                snapshot=frozen if number == 3 else frozen_text(keys, number),
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


def build_others(count, rng, member, partner_user, first_id):
    """Documents of other bench partnerships (``bench-00000``'s first): a few clauses in one
    or two languages, a quarter of them with a proposed first version."""

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
