"""The events app's PDF kinds (see ``soliris.pdf``): the recommendation booklet, one PDF per
language, here; the annual report in ``events.annual_report``. Both are registered when the
app is ready (``events.apps``)."""

from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event, RecommendationStatus
from events.naming import names_text, public_names
from events.permissions import is_organiser
from soliris import pdf
from soliris.i18n import language_name
from soliris.pdf.rendering import qr_svg
from soliris.pdf.signing import certificate_note

CODES = [code for code, _name in settings.LANGUAGES]


def _texts(obj, field) -> dict:
    return {code: getattr(obj, f"{field}_{code}") or "" for code in CODES}


def booklet_content(parameters: dict) -> dict:
    event = (
        Event.objects.prefetch_related(
            "organisers",
            "recommendation_sections__recommendations__themes",
            "recommendation_sections__recommendations__sdg_goals",
            "recommendation_sections__recommendations__endorsements__organisation",
            "recommendation_sections__recommendations__notes__author",
        )
        .filter(slug=parameters.get("event"))
        .first()
    )
    if event is None:
        raise pdf.DocumentUnavailable(_("This event does not exist."))
    sections = []
    for section in event.recommendation_sections.all():
        recommendations = []
        for recommendation in section.recommendations.all():
            recommendations.append(
                {
                    "number": recommendation.number,
                    "key": recommendation.key,
                    "texts": _texts(recommendation, "text"),
                    "original_language": recommendation.original_language,
                    "status": recommendation.status,
                    "status_reason": recommendation.status_reason,
                    "themes": [_texts(theme, "name") for theme in recommendation.themes.all()],
                    "sdgs": [
                        {"number": goal.number, "colour": goal.colour, "text_colour": goal.text_colour}
                        for goal in sorted(recommendation.sdg_goals.all(), key=lambda g: g.number)
                    ],
                    # A public document: private and unverified organisations counted, not named.
                    "endorsements": public_names(
                        e for e in recommendation.endorsements.all() if e.withdrawn_at is None
                    ),
                    "last_note": next(
                        (
                            {
                                "date": note.created_at.date().isoformat(),
                                "text": note.text,
                                # a note is not translated: it is in its author's language
                                "language": note.author.preferred_language if note.author else None,
                            }
                            for note in sorted(
                                recommendation.notes.all(), key=lambda n: n.created_at, reverse=True
                            )
                            if note.text
                        ),
                        None,
                    ),
                }
            )
        sections.append(
            {
                "key": section.key,
                "titles": _texts(section, "title"),
                "introductions": _texts(section, "introduction"),
                "recommendations": recommendations,
            }
        )
    return {
        "event": {
            "slug": event.slug,
            "titles": _texts(event, "title"),
            "descriptions": _texts(event, "description"),
            "starts_at": event.starts_at.astimezone(event.tz).isoformat(),
            "place": ", ".join(p for p in [event.place_name, " ".join(event.address.split())] if p),
            "organisers": public_names(event.organisers.all()),
            "platform_event": event.platform_event,
        },
        "sections": sections,
    }


def pick_text(texts: dict, language: str, original: str | None = None) -> dict:
    """The text in ``language``, else in its original language (else any), and whether it is a fallback."""
    if texts.get(language):
        return {"text": texts[language], "lang": language, "fallback": False}
    order = [original] if original else []
    order += [*settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get(language, ()), *CODES]
    for code in order:
        if code and texts.get(code):
            return {
                "text": texts[code],
                "lang": code,
                "fallback": True,
                "language_name": _language_name(code),
            }
    return {"text": "", "lang": language, "fallback": False}


def _note(note: dict | None, language: str) -> dict | None:
    """The last follow-up note, marked with its language when it is not the booklet's."""
    if not note:
        return None
    code = note.get("language")
    other = bool(code) and code != language and code in CODES
    return {**note, "lang": code if other else "", "language_name": _language_name(code) if other else ""}


def _language_name(code: str) -> str:
    return language_name(code)  # inside a sentence: "affiché en espagnol"


def render_booklet(inputs: dict, parameters: dict, progress) -> str:
    language = parameters["language"]
    event = inputs["event"]
    statuses = dict(RecommendationStatus.choices)
    sections = []
    total = sum(len(s["recommendations"]) for s in inputs["sections"]) or 1
    done = 0
    for position, section in enumerate(inputs["sections"], start=1):
        items = []
        for recommendation in section["recommendations"]:
            items.append(
                {
                    **recommendation,
                    "text": pick_text(recommendation["texts"], language, recommendation["original_language"]),
                    "status_label": str(statuses.get(recommendation["status"], recommendation["status"])),
                    # each theme's name, marked with its language when it falls back to another
                    "themes_shown": [pick_text(t, language) for t in recommendation["themes"]],
                    "endorsed_by": names_text(**recommendation["endorsements"]),
                    "note": _note(recommendation.get("last_note"), language),
                }
            )
            done += 1
            progress(5 + 45 * done // total)
        sections.append(
            {
                "position": position,
                "key": section["key"],
                "title": pick_text(section["titles"], language),
                "introduction": pick_text(section["introductions"], language),
                "recommendations": items,
            }
        )
    context = {
        "language": language,
        "event": event,
        "organisers": names_text(**event["organisers"]),
        "title": pick_text(event["titles"], language),
        "description": pick_text(event["descriptions"], language),
        "starts_at": datetime.fromisoformat(event["starts_at"]),
        "sections": sections,
        "count": sum(len(s["recommendations"]) for s in sections),
        "generated_at": timezone.now(),
        "missing": sum(1 for s in sections for r in s["recommendations"] if r["text"]["fallback"]),
    }
    verify_url = f"{settings.SITE_URL}{reverse('pdf:verify')}"
    context["verify_url"] = verify_url
    context["verify_qr"] = mark_safe(qr_svg(verify_url, size_mm=20))  # generated SVG, no user input
    context["certificate"] = certificate_note()
    return render_to_string("events/pdf/booklet.html", context)


def booklet_title(inputs: dict, parameters: dict) -> str:
    title = pick_text(inputs["event"]["titles"], parameters["language"])["text"]
    return _("Recommendation booklet — %(title)s") % {"title": title}


def can_view_booklet(user, parameters: dict) -> bool:
    event = Event.objects.prefetch_related("organisers").filter(slug=parameters.get("event")).first()
    return event is not None and is_organiser(user, event)


def booklet_back_url(parameters: dict) -> str:
    return reverse("events:event_recommendations", args=[parameters["event"]])


pdf.register(
    pdf.DocumentKind(
        name="events.booklet",
        label=gettext_lazy("Recommendation booklet"),
        content=booklet_content,
        render=render_booklet,
        title=booklet_title,
        can_view=can_view_booklet,
        sign=True,
        back_url=booklet_back_url,
        version="2",  # tagged (PDF/UA), with its outline
    )
)
