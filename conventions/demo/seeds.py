"""The demo conventions: each seed loads one document, idempotently."""

from django.utils import timezone

from conventions import services
from conventions.demo.texts import AGREEMENT, AGREEMENT_TITLE, CHARTER_TITLE, PROJECT_CLAUSES, PROJECT_TITLE
from conventions.models import Document, DocumentKind, Version, VersionStatus
from partners.models import (
    Membership,
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
    Role,
)
from partners.permissions import forget_roles
from projects.models import Project, ProjectPartyStatus
from soliris.demo import DEMO_PASSWORD
from soliris.permissions import forget


def _partnership(context, a, b, name, kind, started_on=None):
    """The partnership between organisations ``a`` and ``b``: found (from the partners demo) or created."""
    for partnership in (context.get("partnerships") or {}).values():
        slugs = {party.organisation.slug for party in partnership.parties.select_related("organisation")}
        if {a.slug, b.slug} <= slugs:
            return partnership
    existing = (
        Partnership.objects.filter(parties__organisation=a)
        .filter(parties__organisation=b)
        .order_by("id")
        .first()
    )
    if existing:
        return existing
    partnership, _created = Partnership.objects.update_or_create(
        name=name,
        defaults={
            "kind": kind,
            "status": PartnershipStatus.ACTIVE,
            "initiated_by": a,
            "started_on": started_on,
        },
    )
    for organisation in (a, b):
        PartnershipParty.objects.update_or_create(
            partnership=partnership,
            organisation=organisation,
            defaults={"status": PartyStatus.ACCEPTED, "responded_at": timezone.now()},
        )
    return partnership


def _both_accepted(partnership, a, b) -> bool:
    accepted = set(
        PartnershipParty.objects.filter(partnership=partnership, status=PartyStatus.ACCEPTED).values_list(
            "organisation_id", flat=True
        )
    )
    return {a.pk, b.pk} <= accepted


def _member(organisation, user, function):
    """An active coordinator membership with the right to sign (kept if it already exists)."""
    membership = Membership.objects.filter(
        organisation=organisation, user=user, active_until__isnull=True
    ).first()
    if membership is None:
        return Membership.objects.create(
            organisation=organisation, user=user, role=Role.COORDINATOR, function=function, may_sign=True
        )
    if membership.role != Role.COORDINATOR or not membership.may_sign:
        Membership.objects.filter(pk=membership.pk).update(role=Role.COORDINATOR, may_sign=True)
    return membership


def _forget(*users):
    """After changing memberships: what was computed about these users is computed again."""
    for user in users:
        forget_roles(user)
    forget()  # the request cache (empty outside a request: the seed runs in a command)


def seed_agreement(log, context):
    organisations, users = context["organisations"], context["users"]
    brasschaat, tarija = organisations["brasschaat"], organisations["tarija"]
    pieter, maria = users["internationaal@brasschaat.demo"], users["cooperacion@tarija.demo"]
    _member(brasschaat, pieter, "Ambtenaar internationale samenwerking")
    _member(tarija, maria, "Directora de Cooperación")
    _forget(pieter, maria)
    partnership = _partnership(
        context, brasschaat, tarija, "Brasschaat – Tarija", PartnershipKind.COMMUNE_TO_COMMUNE
    )
    context.setdefault("partnerships", {}).setdefault("brasschaat-tarija", partnership)
    existing = Document.objects.filter(partnership=partnership, title=AGREEMENT_TITLE).first()
    if existing:
        publish_agreement(log, existing, pieter, maria)  # a database seeded before it was published
        request_signed_pdf(context, partnership)
        return
    if not _both_accepted(partnership, brasschaat, tarija):
        log("Brasschaat – Tarija: both parties must have accepted the partnership; no convention loaded")
        return
    document = services.document_create(
        actor=pieter,
        partnership=partnership,
        kind=DocumentKind.CONVENTION,
        title=AGREEMENT_TITLE,
        authentic_languages=["nl", "fr", "es"],
    )
    for texts in AGREEMENT:
        heading, body = texts["nl"]
        clause = services.clause_add(
            actor=pieter, document=document, language="nl", heading=heading, body=body
        )
        for language, author in (("fr", pieter), ("es", maria)):
            heading, body = texts[language]
            services.clause_edit(
                actor=author, clause=clause, language=language, heading=heading, body=body, expected_version=0
            )
    version = services.version_propose(
        actor=maria, document=document, reason="Texto acordado tras el proceso de renovación con la VVSG."
    )
    services.version_approve(actor=pieter, version=version)
    services.version_approve(actor=maria, version=version)
    services.version_sign(actor=pieter, version=version, consent=True, password=DEMO_PASSWORD)
    services.version_sign(actor=maria, version=version, consent=True, password=DEMO_PASSWORD)
    log("1 signed convention (Brasschaat – Tarija, nl/fr/es)")
    publish_agreement(log, document, pieter, maria)
    request_signed_pdf(context, partnership)


def publish_agreement(log, document, *coordinators):
    """Both parties agree to publish the signed convention (parity: one coordinator of each), so
    that a visitor reads it on the partnership's public page, downloads its signed PDF and
    verifies it. Nothing is done for a document already published or not signed."""
    document.refresh_from_db()
    if document.published_version_id or not document.versions.filter(status=VersionStatus.SIGNED).exists():
        return
    for coordinator in coordinators:
        services.document_publish(actor=coordinator, document=document)
    document.refresh_from_db()
    if document.published_version_id:
        log("  published by both parties: public page, signed PDF and its verification")


def request_signed_pdf(context, partnership):
    """Once the seed is committed, ask the worker for the signed PDF (it renders it at first start)."""
    version = (
        Version.objects.filter(
            document__partnership=partnership, document__title=AGREEMENT_TITLE, status=VersionStatus.SIGNED
        )
        .select_related("pdf_job")
        .first()
    )
    if version is None or (version.pdf_job and version.pdf_job.state != "failed"):
        return
    version_id = version.pk

    def request():
        services.version_pdf_request(version=Version.objects.get(pk=version_id))

    context.setdefault("after_commit", []).append(request)


def seed_charter(log, context):
    organisations, users = context["organisations"], context["users"]
    jette, diaspora = organisations["jette"], organisations["diaspora-bruxelles"]
    aicha = users["coordination@jette.demo"]
    _member(jette, aicha, "Coordinatrice de la solidarité internationale")
    _forget(aicha)
    partnership = _partnership(
        context,
        jette,
        diaspora,
        "Jette – Collectif des diasporas africaines de Bruxelles",
        PartnershipKind.ASSOCIATION,
    )
    if Document.objects.filter(partnership=partnership, title=CHARTER_TITLE).exists():
        return
    if not _both_accepted(partnership, jette, diaspora):
        log("Jette charter: both parties must have accepted the partnership; no charter loaded")
        return
    document = services.document_create(
        actor=aicha,
        partnership=partnership,
        kind=DocumentKind.CHARTER,
        title=CHARTER_TITLE,
        authentic_languages=["fr", "nl"],
        template="operating-charter",
    )
    clauses = list(document.clauses.order_by("position"))
    # A change of the French original: the other languages are now "to review".
    roles = clauses[1]
    text = roles.texts.get(language="fr")
    services.clause_edit(
        actor=aicha,
        clause=roles,
        language="fr",
        heading=text.heading,
        body=text.body
        + "\n\nLe collectif apporte sa connaissance des personnes d'ascendance africaine et de leurs associations ; "
        "la commune apporte ses salles, son appui administratif et un budget annuel.",
        expected_version=text.revision,
    )
    services.thread_open(
        actor=aicha,
        clause=roles,
        language="fr",
        body="Le collectif souhaite-t-il préciser le temps bénévole qu'il apporte ? Il devrait compter autant que le budget.",
        mentions=[diaspora],
    )
    thread = services.thread_open(
        actor=aicha,
        clause=clauses[3],
        language="fr",
        body="Proposition : un cofinancement symbolique du collectif, pour qu'il pilote le budget à égalité.",
    )
    services.thread_reply(
        actor=aicha, thread=thread, language="fr", body="À discuter à la prochaine rencontre."
    )
    log("1 charter in progress (Jette, open comments, a translation to review)")


def seed_project_convention(log, context):
    """The reforestation project's convention, a draft: its evaluation clause still waits for its
    Dutch translation, so that no version can be proposed yet (Dutch is an authentic language)."""

    organisations, users = context["organisations"], context["users"]
    project = Project.objects.filter(key="herentbos").prefetch_related("parties").first()
    herent_user = users.get("internationaal@herent.demo")
    community_user = users.get("comunidad@nimlahakok.demo")
    if project is None or herent_user is None or community_user is None:
        log("Herent – Nimlaha'kok: the reforestation project is missing; no project convention loaded")
        return
    if Document.objects.filter(project=project, title=PROJECT_TITLE).exists():
        return
    confirmed = {p.organisation_id for p in project.parties.all() if p.status == ProjectPartyStatus.CONFIRMED}
    if not {organisations["herent"].pk, organisations["nimlahakok"].pk} <= confirmed:
        log("Herent – Nimlaha'kok: both parties must have confirmed the project; no convention loaded")
        return
    _member(organisations["herent"], herent_user, "Ambtenaar internationale samenwerking")
    _member(organisations["nimlahakok"], community_user, "Presidente del comité comunitario")
    _forget(herent_user, community_user)
    authors = {"nl": herent_user, "es": community_user}
    document = services.document_create(
        actor=community_user,
        project=project,
        kind=DocumentKind.CONVENTION,
        title=PROJECT_TITLE,
        authentic_languages=["nl", "es"],
    )
    for original, texts in PROJECT_CLAUSES:
        heading, body = texts[original]
        clause = services.clause_add(
            actor=authors[original], document=document, language=original, heading=heading, body=body
        )
        for language, (heading, body) in texts.items():
            if language != original:
                services.clause_edit(
                    actor=authors[language],
                    clause=clause,
                    language=language,
                    heading=heading,
                    body=body,
                    expected_version=0,
                )
    log("1 project convention in progress (Herent – Nimlaha'kok, Dutch and Spanish)")


def seed(log, context: dict) -> None:
    seed_agreement(log, context)
    seed_charter(log, context)
    seed_project_convention(log, context)
