"""Benchmark of the registry: a deterministic synthetic data set at scale, then timed requests.

In proportion to the number of organisations N (10,000 or 100,000; 80 for the smoke run): N
organisations in 40 countries, N / 2 partnerships, 2 N exchanges, with multilingual names. Built
once with ``bulk_create`` (slugs start with ``bench-``); a second run with the same N reuses it.
Its pages (:func:`pages`) are the directories (page 1, filtered, deep, searched), a partnership
page and the streamed CSV export, each with its floor (``soliris.benchkit``).
"""

import random
import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone


def sizes_for(organisations: int) -> dict:
    return {
        "organisations": organisations,
        "partnerships": organisations // 2,
        "exchanges": organisations * 2,
    }


# country, language of the names, real localities first (then generated ones)
COUNTRIES = [
    ("BE", "fr", ["Jette", "Etterbeek", "Saint-Josse-ten-Noode", "Liège", "Namur"]),
    ("BE", "nl", ["Brasschaat", "Herent", "Edegem", "Gent", "Leuven"]),
    ("FR", "fr", ["Rennes", "Brest", "Lorient", "Vannes", "Quimper"]),
    ("BO", "es", ["Tarija", "Cochabamba", "Sucre", "Potosí", "Oruro"]),
    ("PE", "es", ["San Jerónimo", "Cusco", "Arequipa", "Puno", "Ayacucho"]),
    ("GT", "es", ["Cobán", "Nimlaha'kok", "Quetzaltenango", "Antigua", "Huehuetenango"]),
    ("TG", "fr", ["Lomé", "Kara", "Sokodé", "Kpalimé", "Atakpamé"]),
    ("BF", "fr", ["Ouahigouya", "Ouagadougou", "Bobo-Dioulasso", "Koudougou", "Banfora"]),
    ("SN", "fr", ["Dakar", "Thiès", "Saint-Louis", "Ziguinchor", "Kaolack"]),
    ("BJ", "fr", ["Cotonou", "Porto-Novo", "Parakou", "Abomey", "Djougou"]),
    ("CA", "fr", ["Gatineau", "Québec", "Montréal", "Sherbrooke", "Rimouski"]),
    ("BR", "pt", ["Recife", "Salvador", "Belém", "Fortaleza", "Curitiba"]),
    ("MA", "fr", ["Tiznit", "Agadir", "Fès", "Oujda", "Tanger"]),
    ("CD", "fr", ["Kinshasa", "Lubumbashi", "Bukavu", "Goma", "Kisangani"]),
    ("RW", "fr", ["Kigali", "Huye", "Musanze", "Rubavu", "Nyagatare"]),
    ("BI", "fr", ["Gitega", "Bujumbura", "Ngozi", "Muyinga", "Rumonge"]),
    ("ML", "fr", ["Bamako", "Ségou", "Mopti", "Kayes", "Sikasso"]),
    ("NE", "fr", ["Niamey", "Zinder", "Maradi", "Agadez", "Tahoua"]),
    ("CM", "fr", ["Yaoundé", "Douala", "Bamenda", "Garoua", "Bafoussam"]),
    ("CI", "fr", ["Abidjan", "Bouaké", "Yamoussoukro", "Korhogo", "Daloa"]),
    ("HT", "fr", ["Port-au-Prince", "Jacmel", "Cap-Haïtien", "Les Cayes", "Gonaïves"]),
    ("NI", "es", ["León", "Granada", "Matagalpa", "Estelí", "Masaya"]),
    ("EC", "es", ["Cuenca", "Quito", "Loja", "Ambato", "Riobamba"]),
    ("CO", "es", ["Medellín", "Cali", "Pasto", "Popayán", "Manizales"]),
    ("CL", "es", ["Valparaíso", "Temuco", "Concepción", "Arica", "Valdivia"]),
    ("AR", "es", ["Rosario", "Córdoba", "Mendoza", "Salta", "Tucumán"]),
    ("MX", "es", ["Oaxaca", "Puebla", "Mérida", "Chiapas", "Querétaro"]),
    ("CU", "es", ["Santiago de Cuba", "Camagüey", "Holguín", "Matanzas", "Cienfuegos"]),
    ("ES", "es", ["Sevilla", "Bilbao", "Zaragoza", "Valencia", "Málaga"]),
    ("NL", "nl", ["Utrecht", "Groningen", "Nijmegen", "Tilburg", "Zwolle"]),
    ("DE", "en", ["Leipzig", "Köln", "Bremen", "Freiburg", "Münster"]),
    ("GB", "en", ["Bristol", "Leeds", "Glasgow", "Cardiff", "Norwich"]),
    ("IE", "en", ["Cork", "Galway", "Limerick", "Sligo", "Waterford"]),
    ("ZA", "en", ["Durban", "Soweto", "Polokwane", "Gqeberha", "Kimberley"]),
    ("KE", "en", ["Kisumu", "Nakuru", "Eldoret", "Mombasa", "Nyeri"]),
    ("UG", "en", ["Gulu", "Mbarara", "Jinja", "Lira", "Arua"]),
    ("TZ", "en", ["Arusha", "Mwanza", "Dodoma", "Moshi", "Tanga"]),
    ("PS", "en", ["Bethlehem", "Ramallah", "Nablus", "Hebron", "Jenin"]),
    ("VN", "en", ["Huế", "Đà Nẵng", "Cần Thơ", "Hải Phòng", "Vinh"]),
    ("IN", "en", ["Pune", "Madurai", "Mysuru", "Bhopal", "Kochi"]),
]
assert len({c for c, _l, _p in COUNTRIES}) >= 39  # 40 rows, Belgium in two languages

PREFIXES = {
    "fr": {
        "commune": ["Commune de", "Ville de", "Mairie de"],
        "association": ["Association des habitants de", "Les Amis de", "Collectif solidaire de"],
        "ngo": ["ONG Solidarité", "Action pour"],
        "sse": ["Coopérative de", "Mutuelle de"],
        "citizen_collective": ["Collectif citoyen de"],
    },
    "nl": {
        "commune": ["Gemeente", "Stad"],
        "association": ["Vereniging", "Vrienden van"],
        "ngo": ["Ngo Samen voor"],
        "sse": ["Coöperatie"],
        "citizen_collective": ["Burgercollectief"],
    },
    "es": {
        "commune": ["Municipio de", "Gobierno Autónomo Municipal de", "Alcaldía de"],
        "association": ["Asociación de vecinos de", "Fundación"],
        "ngo": ["ONG Manos Unidas de"],
        "sse": ["Cooperativa de", "Mutual de"],
        "citizen_collective": ["Colectivo ciudadano de"],
    },
    "pt": {
        "commune": ["Prefeitura de", "Município de"],
        "association": ["Associação de moradores de"],
        "ngo": ["ONG Ação Solidária"],
        "sse": ["Cooperativa de"],
        "citizen_collective": ["Coletivo cidadão de"],
    },
    "en": {
        "commune": ["City of", "District of", "Municipality of"],
        "association": ["Friends of", "Community Association of"],
        "ngo": ["Solidarity Action"],
        "sse": ["Cooperative of"],
        "citizen_collective": ["Citizens of"],
    },
}
SYLLABLES = ["ka", "lo", "mi", "sa", "te", "ri", "na", "bo", "du", "go", "ja", "ve", "ro", "zu", "pa"]
SUFFIXES = ["", "-Nord", "-Sud", " Centre", " Haut", " Bas"]


def _data_exists(sizes) -> bool:
    from partners.models import Exchange, Organisation, Partnership

    return (
        Organisation.objects.filter(slug__startswith="bench-").count() == sizes["organisations"]
        and Partnership.objects.filter(name__startswith="⟨bench⟩").count() == sizes["partnerships"]
        and Exchange.objects.filter(title__startswith="bench").count() == sizes["exchanges"]
    )


def build(organisations: int = 10_000, log=print) -> None:
    """Build the synthetic data set (once: a second call with the same size does nothing)."""
    from partners import reference
    from partners.models import (
        Exchange,
        ExchangeFormat,
        ExchangeKind,
        Membership,
        Organisation,
        OrganisationKind,
        Partnership,
        PartnershipKind,
        PartnershipParty,
        PartnershipStatus,
        PartyStatus,
        Theme,
        TravelLeg,
        TravelMode,
        Visibility,
    )
    from partners.search_text import organisation_document, partnership_document

    sizes = sizes_for(organisations)
    if _data_exists(sizes):
        log(f"partners: synthetic data set ({organisations} organisations) already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261123)  # noqa: S311 — deterministic synthetic data, not secrets
    with transaction.atomic():
        from soliris.benchkit import clear_after

        clear_after("partners", log)  # their rows keep the bench organisations from being deleted
        TravelLeg.objects.filter(exchange__title__startswith="bench").delete()
        Exchange.objects.filter(title__startswith="bench").delete()
        PartnershipParty.objects.filter(partnership__name__startswith="⟨bench⟩").delete()
        Partnership.objects.filter(name__startswith="⟨bench⟩").delete()
        Organisation.themes.through.objects.filter(organisation__slug__startswith="bench-").delete()
        # The bench member's membership (made again by ``bench_user``) protects its organisation.
        Membership.objects.filter(organisation__slug__startswith="bench-").delete()
        Organisation.objects.filter(slug__startswith="bench-").delete()
        if not Theme.objects.exists():
            reference.load()
        themes = list(Theme.objects.values_list("pk", flat=True))
        now = timezone.now()
        kinds = ["commune", "commune", "association", "ngo", "sse", "citizen_collective"]
        organisations = []
        for i in range(sizes["organisations"]):
            country, language, places = COUNTRIES[i % len(COUNTRIES)]
            if rng.random() < 0.5:
                place = rng.choice(places)
            else:
                place = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title() + rng.choice(
                    SUFFIXES
                )
            kind = rng.choice(kinds)
            name = f"{rng.choice(PREFIXES[language][kind])} {place}"
            roll = rng.random()
            organisation = Organisation(
                name=name,
                slug=f"bench-{i:05d}",
                kind=OrganisationKind(kind),
                country=country,
                locality=place,
                languages=[language] + (["en"] if rng.random() < 0.3 and language != "en" else []),
                description_fr=f"Organisation synthétique n° {i} pour le banc d'essai, à {place}.",
                visibility=Visibility.PRIVATE if roll < 0.08 else Visibility.PUBLIC,
                verified_at=None if 0.08 <= roll < 0.13 else now,
            )
            organisation.search_document = organisation_document(organisation)
            organisations.append(organisation)
        Organisation.objects.bulk_create(organisations, batch_size=1000)
        Through = Organisation.themes.through
        Through.objects.bulk_create(
            [Through(organisation_id=o.pk, theme_id=t) for o in organisations for t in rng.sample(themes, 2)],
            batch_size=2000,
        )
        log(f"partners: {len(organisations)} organisations")

        partnerships, parties = [], []
        statuses = [PartnershipStatus.ACTIVE] * 6 + [
            PartnershipStatus.EXPLORING,
            PartnershipStatus.PAUSED,
            PartnershipStatus.ENDED,
        ]
        members = []
        for i in range(sizes["partnerships"]):
            chosen = rng.sample(organisations, rng.choice([2, 2, 2, 3, 4]))
            status = rng.choice(statuses)
            start = date(2000, 1, 1) + timedelta(days=rng.randint(0, 9000))
            partnership = Partnership(
                name=f"⟨bench⟩ {chosen[0].locality} – {chosen[1].locality} {i}",
                kind=PartnershipKind.MULTI_ACTOR if len(chosen) > 2 else PartnershipKind.COMMUNE_TO_COMMUNE,
                status=status,
                started_on=start,
                ended_on=start + timedelta(days=2000) if status == PartnershipStatus.ENDED else None,
                end_reason="Fin du programme de financement." if status == PartnershipStatus.ENDED else "",
                description_fr=f"Partenariat synthétique n° {i}.",
                initiated_by=chosen[0],
            )
            accepted = chosen[:3]  # a fourth party stays invited
            partnership.search_document = partnership_document(partnership, accepted)
            partnership.countries = sorted({str(o.country) for o in accepted})
            partnership.is_listed = all(
                o.visibility == Visibility.PUBLIC and o.verified_at is not None for o in accepted
            )
            partnerships.append(partnership)
            members.append(chosen)
        Partnership.objects.bulk_create(partnerships, batch_size=1000)
        for partnership, chosen in zip(partnerships, members, strict=True):
            for n, organisation in enumerate(chosen):
                parties.append(
                    PartnershipParty(
                        partnership=partnership,
                        organisation=organisation,
                        status=PartyStatus.INVITED if n == 3 else PartyStatus.ACCEPTED,
                        role="Partie synthétique",
                        financial_share=round(100 / len(chosen), 2),
                    )
                )
        PartnershipParty.objects.bulk_create(parties, batch_size=2000)
        log(f"partners: {len(partnerships)} partnerships, {len(parties)} parties")

        exchanges, legs = [], []
        for i in range(sizes["exchanges"]):
            index = rng.randrange(len(partnerships))
            partnership, chosen = partnerships[index], members[index]
            in_person = rng.random() < 0.4
            exchange = Exchange(
                partnership=partnership,
                title=f"bench exchange {i}",
                kind=rng.choice(list(ExchangeKind)),
                date=date(2015, 1, 1) + timedelta(days=rng.randint(0, 3800)),
                format=ExchangeFormat.IN_PERSON if in_person else ExchangeFormat.ONLINE,
                travellers_from=chosen[0] if in_person else None,
                host=chosen[1] if in_person else None,
                participants=rng.randint(2, 40),
                languages=["fr", "es"],
            )
            exchanges.append(exchange)
        Exchange.objects.bulk_create(exchanges, batch_size=2000)
        for exchange in exchanges:
            if exchange.format == ExchangeFormat.IN_PERSON:
                km = rng.randint(200, 11000)
                mode = (
                    TravelMode.PLANE
                    if km > 1500
                    else rng.choice([TravelMode.TRAIN, TravelMode.BUS, TravelMode.CAR])
                )
                from partners.carbon import leg_co2_kg

                legs.append(
                    TravelLeg(
                        exchange=exchange,
                        origin="A",
                        destination="B",
                        mode=mode,
                        distance_km=km,
                        travellers=2,
                        co2_kg=leg_co2_kg(mode=mode, distance_km=km, travellers=2),
                    )
                )
        TravelLeg.objects.bulk_create(legs, batch_size=2000)
        log(f"partners: {len(exchanges)} exchanges, {len(legs)} travel legs")
    bench_user()
    with connection.cursor() as cursor:
        # Statistics, and the visibility map for index-only scans (VACUUM needs autocommit:
        # the smoke test runs inside the test's transaction).
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    from partners.selectors import forget_listed_counts

    forget_listed_counts()
    log(f"partners: data set built in {time.perf_counter() - started:.1f} s")


BENCH_USER_EMAIL = "bench-member@soliris.invalid"


def bench_user():
    """The account party pages are read as: a coordinator of the first bench organisation
    (``bench-00000``), in every partnership of the data set that has it as a party."""
    from django.contrib.auth import get_user_model

    from partners.models import Membership, Organisation, Role

    user, created = get_user_model().objects.get_or_create(
        email=BENCH_USER_EMAIL, defaults={"full_name": "Bench Member", "preferred_language": "fr"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    organisation = Organisation.objects.get(slug="bench-00000")
    Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": Role.COORDINATOR, "may_sign": True}
    )
    return user


def pages() -> list:
    """The registry's pages and their floors (the same rows, one query, a bare template)."""
    from partners.models import Exchange, Partnership
    from partners.selectors import public_organisations, public_partnerships
    from soliris import search
    from soliris.benchkit import Floor, Page

    organisations = public_organisations().order_by("name", "pk")
    partnership = (
        public_partnerships().filter(name__startswith="⟨bench⟩").order_by("name").first()
        or Partnership.objects.order_by("name").first()
    )
    card = ("name", "slug", "kind", "country", "locality")
    bolivian_communes = organisations.filter(country="BO", kind="commune")
    return [
        Page("partners", "organisation directory", "/fr/organisations/", Floor(organisations[:20], card)),
        Page(
            "partners",
            "directory filtered (country + kind)",
            "/fr/organisations/?country=BO&kind=commune",
            Floor(bolivian_communes[:20], card),
        ),
        Page(
            "partners",
            "directory, page 40",
            "/fr/organisations/?page=40",
            Floor(organisations[780:800], card),
        ),
        Page(
            "partners",
            "directory searched (q=saint)",
            "/fr/organisations/?q=saint",
            Floor(search.filter(organisations, "saint")[:20], card),
        ),
        Page(
            "partners",
            "partnership directory",
            "/fr/partnerships/",
            Floor(public_partnerships().order_by("name", "pk")[:20], ("name", "key", "kind", "status")),
        ),
        # The map (maps app): at most 1,000 points, those with the most partnerships first.
        Page(
            "partners",
            "map of the actors",
            "/fr/map/",
            Floor(organisations[:1000], (*card, "latitude", "longitude")),
        ),
        Page(
            "partners",
            "partnership page",
            f"/fr/partnerships/{partnership.key}/",
            Floor(
                Exchange.objects.filter(partnership=partnership).order_by("-date")[:10],
                ("title", "date", "kind", "partnership__name"),
            ),
        ),
    ]
