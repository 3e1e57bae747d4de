"""IATI 2.03 documents (``iati-activities``, ``iati-organisations``) built with lxml, their
elements in the order of the official schema's sequences.

Every public project and every listed partnership is an activity. Only publicly named
organisations (``partners.visibility``) appear by name, identifier or country; a party that
is not publicly named is left out of ``participating-org`` and ``recipient-country``, and
money it puts in is given under the neutral label, as on the public pages.
"""

import re
from collections.abc import Iterator
from decimal import ROUND_DOWN, Decimal
from itertools import chain

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import pgettext
from lxml import etree

from opendata.iati import codes, queries
from partners.visibility import HIDDEN_NAME, is_publicly_named
from projects.models import FundingKind

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Characters XML 1.0 cannot carry (lxml refuses them): dropped from people's texts.
# Rows read (and their related rows prefetched) per round trip while the answer streams.
CHUNK = 500
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text) -> str:
    return NOT_XML.sub("", str(text)).strip()


def _languages(first: str) -> list[str]:
    """Every configured language, the reader's first."""
    codes_ = [code for code, _name in settings.LANGUAGES]
    return [first, *(code for code in codes_ if code != first)] if first in codes_ else codes_


def _translations(obj, field: str, languages) -> list[tuple[str, str | None]]:
    """(text, language) of each language the field is written in; the untranslated value,
    without a language, when it is in none."""
    found = [(_clean(getattr(obj, f"{field}_{code}", "") or ""), code) for code in languages]
    found = [(text, code) for text, code in found if text]
    if not found and _clean(getattr(obj, field, "") or ""):
        found = [(_clean(getattr(obj, field)), None)]
    return found


def _narratives(parent, texts) -> None:
    for text, language in texts:
        narrative = etree.SubElement(parent, "narrative")
        if language:
            narrative.set(XML_LANG, language)
        narrative.text = text


def _absolute(name: str, language: str, *args) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(name, args=args)


def _reporting_org(parent) -> None:
    org = etree.SubElement(
        parent,
        "reporting-org",
        {"ref": codes.reporting_ref(), "type": codes.reporting_type(), "secondary-reporter": "1"},
    )
    _narratives(org, [(codes.reporting_name(), None)])


def _root_attributes() -> dict:
    return {
        "version": codes.VERSION,
        "generated-datetime": timezone.now().isoformat(timespec="seconds"),
        XML_LANG: settings.LANGUAGE_CODE,
    }


def _stream(tag: str, elements) -> Iterator[bytes]:
    """The document a piece at a time: the declaration and the root's opening tag, then each
    element as it is built, then the closing tag. Memory stays flat whatever the number."""
    root = etree.Element(tag, _root_attributes())
    root.text = "\n"
    whole = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    closing = f"</{tag}>".encode()
    yield whole.removesuffix(closing)
    for element in elements:
        yield etree.tostring(element, encoding="utf-8", pretty_print=True)
    yield closing + b"\n"


# --- The parts of an activity, in the schema's order ----------------------------------------


def _head(*, key, updated_at, titles, descriptions):
    activity = etree.Element(
        "iati-activity",
        {"last-updated-datetime": updated_at.isoformat(timespec="seconds"), XML_LANG: settings.LANGUAGE_CODE},
    )
    etree.SubElement(activity, "iati-identifier").text = codes.activity_identifier(key)
    _reporting_org(activity)
    _narratives(etree.SubElement(activity, "title"), titles)
    _narratives(etree.SubElement(activity, "description", type="1"), descriptions or titles)
    return activity


def _participating_orgs(activity, parties, funders, *, funds) -> None:
    """One ``participating-org`` per role of each publicly named party, and the outside
    funders (a name, no identifier), grouped by role in code order. When nobody may be named,
    one neutral entry: the schema requires one."""
    entries = []
    for party in parties:
        if not is_publicly_named(party.organisation):
            continue
        organisation = party.organisation
        attributes = {
            "ref": codes.organisation_identifier(organisation),
            "type": codes.organisation_type(organisation),
        }
        for role in codes.party_roles(party, funds=funds(party)):
            entries.append((role, attributes, _clean(organisation.name), None))
    entries += [(codes.FUNDING, {}, name, None) for name in funders]
    if not entries:
        entries = [(codes.IMPLEMENTING, {}, str(HIDDEN_NAME), translation.get_language())]
    for role, attributes, name, language in sorted(entries, key=lambda entry: entry[0]):
        element = etree.SubElement(activity, "participating-org", {**attributes, "role": role})
        _narratives(element, [(name, language)])


def _dates(activity, *, start, end, started, ended, recorded) -> None:
    if start:
        kind = codes.ACTUAL_START if started else codes.PLANNED_START
        etree.SubElement(activity, "activity-date", {"type": kind, "iso-date": start.isoformat()})
    else:
        # The schema requires a date and the rules a start: the day it was recorded, said so.
        date = etree.SubElement(
            activity, "activity-date", {"type": codes.PLANNED_START, "iso-date": recorded.date().isoformat()}
        )
        text = pgettext("IATI activity date", "Date the activity was recorded on the platform")
        _narratives(date, [(text, translation.get_language())])
    if end:
        kind = codes.ACTUAL_END if ended else codes.PLANNED_END
        etree.SubElement(activity, "activity-date", {"type": kind, "iso-date": end.isoformat()})


def _recipient_countries(activity, countries) -> None:
    """Each country once; shares split equally, summing to 100, when there are several."""
    countries = list(dict.fromkeys(code for code in countries if code))
    if len(countries) == 1:
        etree.SubElement(activity, "recipient-country", code=countries[0])
        return
    share = (Decimal(100) / len(countries)).quantize(Decimal("0.01"), rounding=ROUND_DOWN) if countries else 0
    for index, code in enumerate(countries):
        value = share if index < len(countries) - 1 else Decimal(100) - share * (len(countries) - 1)
        etree.SubElement(activity, "recipient-country", code=code, percentage=str(value))


def _goal_tag(activity, goal, languages, *, primary: bool) -> None:
    tag = etree.SubElement(activity, "tag", vocabulary=codes.SDG_GOAL_VOCABULARY, code=str(goal.number))
    texts = []
    for text, language in _translations(goal, "short_title", languages):
        label = f"{goal.number}. {text}"
        if primary:
            with translation.override(language or settings.LANGUAGE_CODE):
                primary_goal = pgettext("IATI SDG tag", "primary goal")  # outside the f-string: extracted
            label = f"{label} — {primary_goal}"
        texts.append((label, language))
    _narratives(tag, texts)


def _target_tag(activity, target, languages) -> None:
    tag = etree.SubElement(activity, "tag", vocabulary=codes.SDG_TARGET_VOCABULARY, code=target.code)
    _narratives(
        tag, [(f"{target.code} {text}", lang) for text, lang in _translations(target, "title", languages)]
    )


def _value(parent, amount, currency, date) -> None:
    etree.SubElement(parent, "value", {"currency": currency, "value-date": date.isoformat()}).text = str(
        amount
    )


def _web_pages(activity, url_name, key, titles_of) -> None:
    """The public page in every language (DocumentCategory A12)."""
    for language in _languages(translation.get_language()):
        link = etree.SubElement(
            activity, "document-link", url=_absolute(url_name, language, key), format="text/html"
        )
        _narratives(etree.SubElement(link, "title"), titles_of(language))
        etree.SubElement(link, "category", code=codes.WEB_PAGE_CATEGORY)
        etree.SubElement(link, "language", code=language)


# --- Projects and partnerships ----------------------------------------------------------------


def _funding(activity, project) -> None:
    """A budget per currency (every line: money and work, as the public page totals them)
    over the project's dates, then a planned disbursement per line of money with its source.
    Without dates the schema allows neither: the lines are then left out."""
    if not project.starts_on:
        return
    lines = project.iati_lines
    if project.ends_on:
        totals: dict[str, Decimal] = {}
        for line in lines:
            totals[line.currency] = totals.get(line.currency, Decimal(0)) + line.amount
        for currency, total in totals.items():
            budget = etree.SubElement(activity, "budget", type="1", status="1")
            etree.SubElement(budget, "period-start", {"iso-date": project.starts_on.isoformat()})
            etree.SubElement(budget, "period-end", {"iso-date": project.ends_on.isoformat()})
            _value(budget, total, currency, project.starts_on)
    for line in lines:
        if line.kind != FundingKind.CASH:
            continue
        planned = etree.SubElement(activity, "planned-disbursement", type="1")
        etree.SubElement(planned, "period-start", {"iso-date": project.starts_on.isoformat()})
        if project.ends_on:
            etree.SubElement(planned, "period-end", {"iso-date": project.ends_on.isoformat()})
        _value(planned, line.amount, line.currency, project.starts_on)
        if line.party_id and is_publicly_named(line.party.organisation):
            organisation = line.party.organisation
            provider = etree.SubElement(
                planned,
                "provider-org",
                ref=codes.organisation_identifier(organisation),
                type=codes.organisation_type(organisation),
            )
            _narratives(provider, [(_clean(organisation.name), None)])
        elif line.party_id:
            provider = etree.SubElement(planned, "provider-org")
            _narratives(provider, [(str(HIDDEN_NAME), translation.get_language())])
        else:
            _narratives(etree.SubElement(planned, "provider-org"), [(_clean(line.funder_name), None)])


def _project(project, languages):
    titles = _translations(project, "title", languages)
    descriptions = _translations(project, "description", languages) or _translations(
        project, "summary", languages
    )
    activity = _head(key=project.key, updated_at=project.updated_at, titles=titles, descriptions=descriptions)
    funding_parties = {line.party_id for line in project.iati_lines if line.party_id}
    funders = list(
        dict.fromkeys(_clean(line.funder_name) for line in project.iati_lines if not line.party_id)
    )
    _participating_orgs(
        activity,
        project.iati_parties,
        [name for name in funders if name],
        funds=lambda p: p.pk in funding_parties,
    )
    etree.SubElement(activity, "activity-status", code=codes.PROJECT_STATUS.get(project.status, "1"))
    _dates(
        activity,
        start=project.starts_on,
        end=project.ends_on,
        started=project.status in codes.PROJECT_STARTED,
        ended=project.status in codes.PROJECT_ENDED,
        recorded=project.created_at,
    )
    named = [p.organisation for p in project.iati_parties if is_publicly_named(p.organisation)]
    _recipient_countries(
        activity, [site.country.code for site in project.sites.all()] + [o.country.code for o in named]
    )
    for link in project.iati_links:
        _goal_tag(activity, link.goal, languages, primary=link.is_primary)
    for link in project.iati_links:
        for target in link.targets.all():
            _target_tag(activity, target, languages)
    _funding(activity, project)
    _web_pages(
        activity,
        "projects:project_detail",
        project.key,
        lambda language: _translations(project, "title", [language]) or titles,
    )
    return activity


def _partnership(partnership, languages):
    titles = [(_clean(partnership.name), None)]
    activity = _head(
        key=partnership.key,
        updated_at=partnership.updated_at,
        titles=titles,
        descriptions=_translations(partnership, "description", languages),
    )
    _participating_orgs(
        activity,
        partnership.iati_parties,
        [],
        funds=lambda p: bool(p.contribution_financial.strip()) or bool(p.financial_share),
    )
    etree.SubElement(activity, "activity-status", code=codes.PARTNERSHIP_STATUS.get(partnership.status, "1"))
    _dates(
        activity,
        start=partnership.started_on,
        end=partnership.ended_on,
        started=partnership.status in codes.PARTNERSHIP_STARTED,
        ended=partnership.status in codes.PARTNERSHIP_ENDED,
        recorded=partnership.created_at,
    )
    _recipient_countries(
        activity,
        [p.organisation.country.code for p in partnership.iati_parties if is_publicly_named(p.organisation)],
    )
    for shared in sorted(partnership.iati_goals, key=lambda shared: shared.goal.number):
        _goal_tag(activity, shared.goal, languages, primary=False)
    _web_pages(activity, "partners:partnership_detail", partnership.key, lambda _language: titles)
    return activity


# --- Documents --------------------------------------------------------------------------------


def _built(rows, build, language: str):
    """Each row's element, built in ``language`` (a streamed answer is read after the view
    has returned, when the request's language may no longer be the active one)."""
    for row in rows:
        with translation.override(language):
            element = build(row)
        yield element


def activities_document(language: str, organisation=None) -> Iterator[bytes]:
    """Every public project and listed partnership (those ``organisation`` is a party to),
    streamed: nine queries per ``CHUNK`` activities."""
    languages = _languages(language)
    projects = queries.projects(organisation).iterator(chunk_size=CHUNK)
    partnerships = queries.partnerships(organisation).iterator(chunk_size=CHUNK)
    return _stream(
        "iati-activities",
        chain(
            _built(projects, lambda project: _project(project, languages), language),
            _built(partnerships, lambda partnership: _partnership(partnership, languages), language),
        ),
    )


def _organisation(organisation):
    element = etree.Element("iati-organisation", {XML_LANG: settings.LANGUAGE_CODE})
    etree.SubElement(element, "organisation-identifier").text = codes.organisation_identifier(organisation)
    _narratives(etree.SubElement(element, "name"), [(_clean(organisation.name), None)])
    _reporting_org(element)
    return element


def organisations_document(language: str) -> Iterator[bytes]:
    """The publicly named organisations, streamed (a query per ``CHUNK``)."""
    rows = queries.organisations().iterator(chunk_size=CHUNK)
    return _stream("iati-organisations", _built(rows, _organisation, language))
