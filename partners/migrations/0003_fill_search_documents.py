import re
import unicodedata

from django.db import migrations
from django.utils import translation
from django_countries import countries

# Written out here rather than imported from partners.documents and soliris.search (live
# code that may change): the search documents as they were built when this was written.
LANGUAGE_CODES = ["fr", "nl", "en", "es"]
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_APOSTROPHES = "'’ʼ`´"


def fold(text):
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def document(*parts):
    out = []
    for part in parts:
        if not part:
            continue
        for token in fold(part).split():
            if any(mark in token for mark in _APOSTROPHES):
                out.extend(_WORD.findall("".join(ch for ch in token if ch not in _APOSTROPHES)))
            out.extend(_WORD.findall(token))
    return " ".join(out)


def country_names(code):
    code = str(code or "")
    if not code:
        return []
    names = [code]
    for language in LANGUAGE_CODES:
        with translation.override(language):
            names.append(str(countries.name(code)))
    return list(dict.fromkeys(names))


def translated_texts(obj, field):
    return [getattr(obj, f"{field}_{code}", "") or "" for code in LANGUAGE_CODES]


def fill(apps, schema_editor):
    Organisation = apps.get_model("partners", "Organisation")
    Partnership = apps.get_model("partners", "Partnership")
    for organisation in Organisation.objects.all():
        organisation.search_document = document(
            organisation.name,
            organisation.slug.replace("-", " "),
            organisation.locality,
            *country_names(organisation.country),
            *translated_texts(organisation, "description"),
        )
        organisation.save(update_fields=["search_document"])
    for partnership in Partnership.objects.all():
        parts = [partnership.name]
        for organisation in Organisation.objects.filter(
            partnership_parties__partnership=partnership, partnership_parties__status="accepted"
        ):
            parts += [organisation.name, organisation.locality, *country_names(organisation.country)]
        parts += translated_texts(partnership, "description")
        partnership.search_document = document(*parts)
        partnership.save(update_fields=["search_document"])


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_exchanges_checkins_invitations")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
