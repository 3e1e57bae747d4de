"""Benchmark of the registry: a deterministic synthetic data set at scale, then timed requests.

Full size: 10,000 organisations in 40 countries, 5,000 partnerships, 20,000 exchanges, with
multilingual names. Built once with ``bulk_create`` (slugs start with ``bench-``); a second run
reuses it. Measured through Django's test client: the directory, a filtered list, a search, a
partnership page and the streamed CSV export (with its peak memory from ``tracemalloc``).
"""

import random
import statistics
import time
import tracemalloc
from datetime import date, timedelta

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

SIZES = {
    "full": {"organisations": 10_000, "partnerships": 5_000, "exchanges": 20_000},
    "tiny": {"organisations": 80, "partnerships": 40, "exchanges": 120},
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


def build(size: str = "full", log=print) -> None:
    """Build the synthetic data set (once: a second call with the same size does nothing)."""
    from partners import reference
    from partners.models import (
        Exchange,
        ExchangeFormat,
        ExchangeKind,
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

    sizes = SIZES[size]
    if _data_exists(sizes):
        log(f"partners: synthetic data set ({size}) already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261123)  # noqa: S311 — deterministic synthetic data, not secrets
    with transaction.atomic():
        TravelLeg.objects.filter(exchange__title__startswith="bench").delete()
        Exchange.objects.filter(title__startswith="bench").delete()
        PartnershipParty.objects.filter(partnership__name__startswith="⟨bench⟩").delete()
        Partnership.objects.filter(name__startswith="⟨bench⟩").delete()
        Organisation.themes.through.objects.filter(organisation__slug__startswith="bench-").delete()
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
    with connection.cursor() as cursor:
        # Statistics, and the visibility map for index-only scans (VACUUM needs autocommit:
        # the smoke test runs inside the test's transaction).
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    from partners.selectors import forget_listed_counts

    forget_listed_counts()
    log(f"partners: data set built in {time.perf_counter() - started:.1f} s")


def _percentile(values, q):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def _timed_get(client, path) -> tuple[float, int, int]:
    """(server time in ms, queries, bytes) of one request, its streamed body read to the end."""
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path, secure=True)  # as behind the TLS proxy of production
        size = _consume(response)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed, len(captured.captured_queries), size


def measure(client, measures, requests) -> list[dict]:
    """Each measure over ``requests`` requests, taken in turns (one of each per round), so that
    a shared machine's slower seconds weigh on every page alike rather than on one."""
    for _name, path, *_rest in measures:
        _consume(client.get(path, secure=True))  # warm-up
    samples = {name: ([], [], [0]) for name, *_rest in measures}
    for _ in range(requests):
        for name, path, *_rest in measures:
            elapsed, queries, size = _timed_get(client, path)
            times, counts, sizes = samples[name]
            times.append(elapsed)
            counts.append(queries)
            sizes[0] = size
    rows = []
    for name, path, target_ms, track_memory in measures:
        times, counts, sizes = samples[name]
        row = {
            "app": "partners",
            "name": name,
            "path": path,
            "requests": requests,
            "queries": max(counts),
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(_percentile(times, 0.95), 2),
            "bytes": sizes[0],
        }
        if target_ms:
            row["target_ms"] = target_ms
        if track_memory:
            tracemalloc.start()
            _consume(client.get(path, secure=True))
            row["peak_kb"] = round(tracemalloc.get_traced_memory()[1] / 1024)
            tracemalloc.stop()
        rows.append(row)
    return rows


def run(options: dict) -> list[dict]:
    from partners.models import Partnership
    from partners.selectors import public_partnerships

    size = options.get("size") or "full"
    requests = int(options.get("requests") or 50)
    log = options.get("log") or print
    build(size, log=log)
    client = Client(HTTP_HOST="localhost")
    partnership = (
        public_partnerships().filter(name__startswith="⟨bench⟩").order_by("name").first()
        or Partnership.objects.order_by("name").first()
    )
    pages = [
        ("directory list", "/fr/organisations/", 25, False),
        ("filtered list (country + kind)", "/fr/organisations/?country=BO&kind=commune", 25, False),
        ("search ?q=tari", "/fr/organisations/?q=tari", 30, False),
        ("partnership directory", "/fr/partnerships/", 25, False),
        ("partnership page", f"/fr/partnerships/{partnership.key}/", 25, False),
    ]
    # Measured on its own: its garbage would fall on the pages after it in a round.
    export = [("CSV export (streamed)", "/fr/organisations/export.csv", None, True)]
    return measure(client, pages, requests) + measure(client, export, requests)
