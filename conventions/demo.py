"""Demo conventions drawn from the seeds: the Brasschaat–Tarija cooperation agreement, signed,
and an operating charter of Jette still being drafted (open comments, a stale translation)."""

from django.utils import timezone

from conventions import services
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
from soliris.demo import DEMO_PASSWORD

AGREEMENT_TITLE = "Samenwerkingsakkoord Brasschaat – Tarija / Accord de coopération / Acuerdo de cooperación"
CHARTER_TITLE = "Charte de fonctionnement du partenariat"
PROJECT_TITLE = "Projectovereenkomst herbebossing / Convenio del proyecto de reforestación"

# Herent – Nimlaha'kok: the reforestation project's convention, written in Dutch and Spanish
# (equally authentic), each side in its own language; (heading, body) per language.
PROJECT_CLAUSES = [
    (
        "es",
        {
            "es": (
                "Objeto",
                "La comunidad de Nimlaha'kok y el municipio de Herent reforestan juntos las parcelas elegidas "
                "por la comunidad tras la ruta de los ODS, para proteger el bosque y crear ingresos duraderos.",
            ),
            "nl": (
                "Voorwerp",
                "De gemeenschap van Nimlaha'kok en de gemeente Herent herbebossen samen de percelen die de "
                "gemeenschap na de SDG-route koos, om het bos te beschermen en duurzame inkomsten te creëren.",
            ),
        },
    ),
    (
        "nl",
        {
            "nl": (
                "Rollen en bijdragen",
                "De gemeenschap kiest de percelen, plant en onderhoudt ze; Herent cofinanciert het plantgoed en "
                "de kwekerij en sensibiliseert zijn inwoners. Elke partij beslist mee over het budget.",
            ),
            "es": (
                "Roles y aportes",
                "La comunidad elige las parcelas, las planta y las mantiene; Herent cofinancia las plantas y el "
                "vivero y sensibiliza a sus habitantes. Cada parte codecide sobre el presupuesto.",
            ),
        },
    ),
    (
        "es",
        {
            "es": (
                "Evaluación",
                "Cada año, las dos partes evalúan juntas el proyecto y su relación, en línea y durante una "
                "visita, y publican sus conclusiones en las dos lenguas.",
            ),
        },
    ),
]


# (heading, body) per language; Dutch is the original of the agreement.
AGREEMENT = [
    {
        "nl": (
            "Partijen",
            "Dit akkoord wordt gesloten tussen de Gemeente Brasschaat (België) en het Gobierno Autónomo "
            "Municipal de Tarija (Bolivia), die sinds 2004 een internationaal gemeentelijk partnerschap "
            "hebben. Beide gemeenten treden op als gelijkwaardige partners.",
        ),
        "fr": (
            "Parties",
            "Le présent accord est conclu entre la Commune de Brasschaat (Belgique) et le Gobierno Autónomo "
            "Municipal de Tarija (Bolivie), liés depuis 2004 par un partenariat international communal. Les "
            "deux communes agissent en partenaires égaux.",
        ),
        "es": (
            "Partes",
            "El presente acuerdo se celebra entre el Municipio de Brasschaat (Bélgica) y el Gobierno Autónomo "
            "Municipal de Tarija (Bolivia), unidos desde 2004 por una alianza internacional entre municipios. "
            "Ambos municipios actúan como socios en pie de igualdad.",
        ),
    },
    {
        "nl": (
            "Doel",
            "De partijen werken samen aan de Duurzame Ontwikkelingsdoelstellingen in hun eigen gemeente. Ze "
            "evolueren van een relatie tussen schenker en ontvanger naar een samenwerking die op gemeenschappelijke "
            "doelen, wederzijds voordeel en wederzijds leren steunt.",
        ),
        "fr": (
            "Objet",
            "Les parties coopèrent à la réalisation des Objectifs de développement durable dans leur propre commune. "
            "Elles passent d'une relation entre donateur et donataire à une coopération fondée sur des objectifs "
            "communs, le bénéfice réciproque et l'apprentissage mutuel.",
        ),
        "es": (
            "Objeto",
            "Las partes cooperan en la realización de los Objetivos de Desarrollo Sostenible en su propio municipio. "
            "Pasan de una relación entre donante y receptor a una cooperación basada en objetivos comunes, el "
            "beneficio recíproco y el aprendizaje mutuo.",
        ),
    },
    {
        "nl": (
            "Gemeenschappelijke prioriteiten",
            "De partijen kiezen samen hun prioriteiten: water, met de bescherming van de waterbronnen in Tarija; "
            "vergroening, met het ontharden en vergroenen van speelpleinen in Brasschaat; en burgerparticipatie, "
            "waarbij Brasschaat leert van de manier waarop de wijken van Tarija de meerjarenplannen mee bepalen. "
            "Beide gemeenten nemen samen deel aan de Week van de Duurzame Gemeente.",
        ),
        "fr": (
            "Priorités communes",
            "Les parties choisissent ensemble leurs priorités : l'eau, avec la protection des sources d'eau à "
            "Tarija ; le verdissement, avec le retrait du revêtement et le verdissement des plaines de jeux à "
            "Brasschaat ; et la participation citoyenne, Brasschaat apprenant de la manière dont les quartiers de "
            "Tarija contribuent aux plans pluriannuels. Les deux communes participent ensemble à la Semaine de la "
            "commune durable.",
        ),
        "es": (
            "Prioridades comunes",
            "Las partes eligen juntas sus prioridades: el agua, con la protección de las fuentes de agua en Tarija; "
            "el reverdecimiento, con la eliminación del pavimento y el reverdecimiento de los parques infantiles en "
            "Brasschaat; y la participación ciudadana, aprendiendo Brasschaat de la manera en que los barrios de "
            "Tarija contribuyen a los planes plurianuales. Ambos municipios participan juntos en la Semana del "
            "Municipio Sostenible.",
        ),
    },
    {
        "nl": (
            "Wederzijdse verwachtingen",
            "Elke partij spreekt openlijk uit wat ze van de samenwerking verwacht en wat ze zelf kan bijdragen. De "
            "partijen communiceren open en transparant, ook over moeilijkheden, en zoeken thematische uitwisselingen "
            "met andere partners, in Vlaanderen en elders.",
        ),
        "fr": (
            "Attentes mutuelles",
            "Chaque partie exprime ouvertement ce qu'elle attend de la coopération et ce qu'elle peut y apporter. "
            "Les parties communiquent de manière ouverte et transparente, y compris sur les difficultés, et "
            "recherchent des échanges thématiques avec d'autres partenaires, en Flandre et ailleurs.",
        ),
        "es": (
            "Expectativas mutuas",
            "Cada parte expresa abiertamente lo que espera de la cooperación y lo que puede aportar. Las partes se "
            "comunican de manera abierta y transparente, también sobre las dificultades, y buscan intercambios "
            "temáticos con otros socios, en Flandes y en otros lugares.",
        ),
    },
    {
        "nl": (
            "Overleg en evaluatie",
            "De partijen overleggen elk kwartaal online en, waar mogelijk, één keer per legislatuur fysiek. Eén keer "
            "per jaar maakt elke partij een momentopname van het partnerschap; de resultaten worden samen besproken.",
        ),
        "fr": (
            "Concertation et évaluation",
            "Les parties se concertent en ligne chaque trimestre et, lorsque c'est possible, en présentiel une fois "
            "par législature. Une fois par an, chaque partie prend une photo mentale du partenariat ; les résultats "
            "sont discutés ensemble.",
        ),
        "es": (
            "Concertación y evaluación",
            "Las partes se reúnen en línea cada trimestre y, cuando sea posible, de manera presencial una vez por "
            "legislatura. Una vez al año, cada parte toma una foto mental de la alianza; los resultados se discuten "
            "juntos.",
        ),
    },
    {
        "nl": (
            "Duur en beëindiging",
            "Dit akkoord geldt voor vijf jaar en kan verlengd worden. Elke partij kan het beëindigen met een "
            "opzegtermijn van drie maanden, na overleg over een verantwoorde afronding van de lopende activiteiten.",
        ),
        "fr": (
            "Durée et fin",
            "Le présent accord vaut pour cinq ans et peut être renouvelé. Chaque partie peut y mettre fin moyennant "
            "un préavis de trois mois, après concertation sur une fin responsable des activités en cours.",
        ),
        "es": (
            "Duración y terminación",
            "El presente acuerdo rige por cinco años y puede renovarse. Cada parte puede ponerle fin con un preaviso "
            "de tres meses, previa concertación sobre una conclusión responsable de las actividades en curso.",
        ),
    },
]


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
    from partners.permissions import forget_roles

    for user in users:
        forget_roles(user)
        user.__dict__.pop("_soliris_signatory", None)


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
    if Document.objects.filter(partnership=partnership, title=AGREEMENT_TITLE).exists():
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
            services.clause_text_save(
                actor=author, clause=clause, language=language, heading=heading, body=body, base_revision=0
            )
    version = services.version_propose(
        actor=maria, document=document, reason="Texto acordado tras el proceso de renovación con la VVSG."
    )
    services.version_decide(actor=pieter, version=version, decision="approved")
    services.version_decide(actor=maria, version=version, decision="approved")
    services.version_sign(actor=pieter, version=version, consent=True, password=DEMO_PASSWORD)
    services.version_sign(actor=maria, version=version, consent=True, password=DEMO_PASSWORD)
    log("1 signed convention (Brasschaat – Tarija, nl/fr/es)")
    request_signed_pdf(context, partnership)


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
        services.version_render_pdf(Version.objects.get(pk=version_id))

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
    services.clause_text_save(
        actor=aicha,
        clause=roles,
        language="fr",
        heading=text.heading,
        body=text.body
        + "\n\nLe collectif apporte sa connaissance des personnes d'ascendance africaine et de leurs associations ; "
        "la commune apporte ses salles, son appui administratif et un budget annuel.",
        base_revision=text.revision,
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
    from projects.models import Project, ProjectPartyStatus

    organisations, users = context["organisations"], context["users"]
    project = Project.objects.filter(key="herent-bos").prefetch_related("parties").first()
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
                services.clause_text_save(
                    actor=authors[language],
                    clause=clause,
                    language=language,
                    heading=heading,
                    body=body,
                    base_revision=0,
                )
    log("1 project convention in progress (Herent – Nimlaha'kok, Dutch and Spanish)")


def seed(log, context: dict) -> None:
    seed_agreement(log, context)
    seed_charter(log, context)
    seed_project_convention(log, context)
