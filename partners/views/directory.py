"""The public directory: lists with facets and search, and its CSV / JSON export."""

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.translation import pgettext_lazy

from partners import selectors
from partners.filters import OrganisationFilter, PartnershipFilter
from partners.models import (
    OrganisationKind,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    PartyStatus,
    Visibility,
)
from partners.visibility import hidden_count_label, public_label
from soliris.countries import country_name
from soliris.pagecache import cached_page
from soliris.pagination import CountedPaginator
from soliris.streaming import csv_response, json_response

PAGE_SIZE = 20


def _paginate(request, queryset, count=None):
    if count is None:
        paginator = Paginator(queryset, PAGE_SIZE)
    else:
        paginator = CountedPaginator(queryset, PAGE_SIZE, count)  # known from the counts per country
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _directory(
    request,
    filter_class,
    queryset,
    count_countries,
    count_unfiltered=None,
    cards=None,
    one_country_each=False,
):
    """A filtered, paginated list with country facets.

    The counts per country are those of the other filters (not of the country chosen), so
    that every country stays one click away; they are also the choices shown by the country
    filter, which accepts any country (a country without results is shown with 0). They give
    the number of results too: the chosen country's count, or — for rows that each have one
    country (``one_country_each``) — their sum; the landing page keeps its number with them.
    """
    others = request.GET.copy()
    for name in ("country", "page"):
        others.pop(name, None)
    filterset = filter_class(request.GET or None, queryset=queryset, request=request)
    listed = None  # the number of rows of the landing page, kept with its counts
    if not others and count_unfiltered is not None:
        counts, listed = count_unfiltered()
    else:
        counts = count_countries(filterset.queryset_without("country"))
    choices = [(row["code"], f"{row['name']} ({row['count']})") for row in counts]
    selected = request.GET.get("country")
    if selected and selected not in {code for code, _label in choices}:
        name = country_name(selected)
        if name:
            choices.append((selected, f"{name} (0)"))
    filterset.form.is_valid()  # against every country, before the field shows only the counted
    filterset.form.fields["country"].choices = choices
    results = filterset.qs
    if not request.GET.get("sort"):
        results = results.order_by("name", "pk")
    chosen = filterset.is_bound and filterset.form.cleaned_data.get("country")
    if chosen:
        total = next((row["count"] for row in counts if row["code"] == chosen), 0)
    elif listed is not None:
        total = listed
    else:
        total = sum(row["count"] for row in counts) if one_country_each else None
    page, query = _paginate(request, results, total)
    _label_choices(page)
    if cards is not None:
        cards(page.object_list)
    return {
        "filter": filterset,
        "page": page,
        "query": query,
        "facet_query": others.urlencode(),
        "country_counts": counts,
        "export_query": request.GET.urlencode(),
        # How many filters narrow the list: the folded "Filter" control says it on a phone.
        "active_filters": sum(
            1 for name, value in request.GET.items() if name not in ("page", "sort") and value.strip()
        ),
    }


def _label_choices(page):
    """``kind_label`` and ``status_label`` on each row, translated once per page:
    ``get_FOO_display`` translates every choice of the field on each call (``make bench``)."""
    page.object_list = list(page.object_list)
    if not page.object_list:
        return
    model = type(page.object_list[0])
    for name in ("kind", "status"):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        labels = {value: str(label) for value, label in field.flatchoices}
        for row in page.object_list:
            setattr(row, f"{name}_label", labels.get(getattr(row, name), getattr(row, name)))


# What a card shows beyond its own fields, made once per row here rather than by a loop of
# template tags inside each of the twenty cards (``make bench``).


def _organisation_cards(rows):
    for row in rows:
        row.theme_badges = format_html_join(
            " ", '<span class="badge badge-muted">{}</span>', ((theme.name,) for theme in row.listed_themes)
        )


def _partnership_cards(rows):
    for row in rows:
        # Listed partnerships have only publicly named parties; the rule holds here too.
        row.parties_label = public_label(
            [party.organisation for party in row.accepted_parties],
            with_country=lambda o: country_name(o.country),
        )


@cached_page
def organisation_list(request):
    context = _directory(
        request,
        OrganisationFilter,
        selectors.organisation_directory(),
        selectors.country_counts,
        selectors.listed_organisation_country_counts,
        cards=_organisation_cards,
        one_country_each=True,
    )
    return render(request, "partners/organisation_list.html", context)


@cached_page
def partnership_list(request):
    context = _directory(
        request,
        PartnershipFilter,
        selectors.partnership_directory(),
        selectors.partnership_country_counts,
        selectors.listed_partnership_country_counts,
        cards=_partnership_cards,
    )
    return render(request, "partners/partnership_list.html", context)


def _filtered_organisations(request):
    filterset = OrganisationFilter(request.GET or None, queryset=selectors.public_organisations())
    return filterset.qs


def _organisation_rows(request):
    for o in selectors.export_rows_organisations(_filtered_organisations(request)):
        o["languages"] = " ".join(o["languages"] or [])
        o["url"] = request.build_absolute_uri(f"/{request.LANGUAGE_CODE}/organisations/{o['slug']}/")
        yield o


ORGANISATION_COLUMNS = [
    "slug",
    "name",
    "kind",
    "country",
    "locality",
    "languages",
    "website",
    "email",
    "phone",
    "url",
]


# The CSV is read by people in a spreadsheet: headers and coded values in the reader's
# language. The JSON is read by programs: stable keys and codes (the columns' names).
HEADERS = {
    "slug": pgettext_lazy("export column", "Identifier"),
    "key": pgettext_lazy("export column", "Identifier"),
    "name": pgettext_lazy("export column", "Name"),
    "kind": pgettext_lazy("export column", "Kind"),
    "country": pgettext_lazy("export column", "Country"),
    "locality": pgettext_lazy("export column", "Locality"),
    "languages": pgettext_lazy("export column", "Languages"),
    "website": pgettext_lazy("export column", "Website"),
    "email": pgettext_lazy("export column", "E-mail"),
    "phone": pgettext_lazy("export column", "Phone"),
    "url": pgettext_lazy("export column", "Page on Soliris"),
    "status": pgettext_lazy("export column", "Status"),
    "started_on": pgettext_lazy("export column", "Started on"),
    "ended_on": pgettext_lazy("export column", "Ended on"),
    "parties": pgettext_lazy("export column", "Parties"),
    "countries": pgettext_lazy("export column", "Countries"),
}
_ORGANISATION_KINDS = dict(OrganisationKind.choices)
_PARTNERSHIP_KINDS = dict(PartnershipKind.choices)
_PARTNERSHIP_STATUSES = dict(PartnershipStatus.choices)


def _csv_cells(row: dict, columns: list[str], kinds: dict) -> list:
    cells = {**row, "kind": kinds.get(row.get("kind"), row.get("kind"))}
    if "status" in row:
        cells["status"] = _PARTNERSHIP_STATUSES.get(row["status"], row["status"])
    if "country" in row:
        cells["country"] = country_name(row["country"]) if row["country"] else ""
    if "countries" in row:
        cells["countries"] = ", ".join(country_name(code) for code in row["countries"].split())
    return [str(cells[c]) if cells[c] is not None else "" for c in columns]


def organisation_export_csv(request):
    rows = (_csv_cells(o, ORGANISATION_COLUMNS, _ORGANISATION_KINDS) for o in _organisation_rows(request))
    return csv_response([HEADERS[c] for c in ORGANISATION_COLUMNS], rows, "soliris-organisations.csv")


def organisation_export_json(request):
    return json_response(_organisation_rows(request), "soliris-organisations.json")


PARTNERSHIP_COLUMNS = [
    "key",
    "name",
    "kind",
    "status",
    "started_on",
    "ended_on",
    "parties",
    "countries",
    "url",
]


def _partnership_rows(request):
    filterset = PartnershipFilter(request.GET or None, queryset=selectors.public_partnerships())
    queryset = filterset.qs
    queryset = queryset.order_by("name", "pk").values(
        "pk", "key", "name", "kind", "status", "started_on", "ended_on"
    )
    chunk = []

    def flush(chunk):
        parties = {}
        hidden = {}
        for pid, name, country, visibility, verified_at in (
            PartnershipParty.objects.filter(
                partnership_id__in=[r["pk"] for r in chunk], status=PartyStatus.ACCEPTED
            )
            .order_by("invited_at", "pk")
            .values_list(
                "partnership_id",
                "organisation__name",
                "organisation__country",
                "organisation__visibility",
                "organisation__verified_at",
            )
        ):
            if visibility == Visibility.PUBLIC and verified_at is not None:
                parties.setdefault(pid, []).append((name, country))
            else:  # counted, never named, nor its country
                hidden[pid] = hidden.get(pid, 0) + 1
        for r in chunk:
            pk = r.pop("pk")
            own = parties.get(pk, [])
            names = [n for n, _c in own]
            if hidden.get(pk):
                names.append(hidden_count_label(hidden[pk]))
            r["parties"] = " | ".join(names)
            r["countries"] = " ".join(dict.fromkeys(c for _n, c in own))
            r["url"] = request.build_absolute_uri(f"/{request.LANGUAGE_CODE}/partnerships/{r['key']}/")
            yield r

    for row in queryset.iterator(chunk_size=500):
        chunk.append(row)
        if len(chunk) == 500:
            yield from flush(chunk)
            chunk = []
    if chunk:
        yield from flush(chunk)


def partnership_export_csv(request):
    rows = (_csv_cells(p, PARTNERSHIP_COLUMNS, _PARTNERSHIP_KINDS) for p in _partnership_rows(request))
    return csv_response([HEADERS[c] for c in PARTNERSHIP_COLUMNS], rows, "soliris-partnerships.csv")


def partnership_export_json(request):
    return json_response(_partnership_rows(request), "soliris-partnerships.json")
