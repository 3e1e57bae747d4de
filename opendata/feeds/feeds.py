"""Atom feeds of the agenda, the open calls for projects and the recommendations, one per
language (the ``/<lang>/`` prefix): titles and texts in that language, with the usual fallback.

Entries have stable ids (``tag:`` URIs of the public key, the same in every language), link to
the public pages by absolute addresses, and name no organisation that the public may not see.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.db.models import DateTimeField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from events import ics
from events.models import Recommendation
from events.selectors import published_recommendations, upcoming_events
from partners.visibility import shown_name
from projects.models import Call
from projects.selectors import published_calls
from soliris.i18n import translated_value
from soliris.models import AuditEntry

LIMIT = 50
# ``tag:`` URIs (RFC 4151) need the date from which the authority names things this way.
TAG_DATE = "2026"


def absolute(url_name: str, *args) -> str:
    return settings.SITE_URL + reverse(url_name, args=args)


def tag(kind: str, key: str) -> str:
    return f"tag:{ics.site_domain()},{TAG_DATE}:{kind}/{key}"


def with_updated_at(queryset, model, action_prefix: str):
    """``updated_at``: the last entry of the objects' history whose action starts with
    ``action_prefix``, else their creation. One subquery, no extra query."""
    changes = (
        AuditEntry.objects.filter(
            Q(action__startswith=action_prefix),
            subject_type=ContentType.objects.get_for_model(model),
            subject_id=OuterRef("pk"),
        )
        .values("subject_id")
        .annotate(at=Max("created_at"))
        .values("at")
    )
    return queryset.annotate(
        updated_at=Coalesce(Subquery(changes, output_field=DateTimeField()), "created_at")
    )


def html_paragraphs(*texts) -> str:
    """Plain texts as escaped HTML paragraphs (an Atom summary of type "html")."""
    paragraphs = [part.strip() for text in texts if text for part in str(text).split("\n\n")]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs if part)


class LanguageFeed(Feed):
    """A feed in the active language; ``obj`` is that language. The instance is shared by
    every request: it keeps no state of one."""

    feed_type = Atom1Feed
    kind = ""
    list_url_name = ""
    feed_url_name = ""
    author_name = "Soliris"

    def get_object(self, request, *args, **kwargs):
        return translation.get_language()

    def link(self, obj):
        return absolute(self.list_url_name)

    def feed_url(self, obj):
        return absolute(self.feed_url_name)

    def feed_guid(self, obj):
        return tag("feeds", f"{self.kind}/{obj}")

    def feed_copyright(self, obj):
        return settings.SOLIRIS_DATA_LICENCE[0]


class EventsFeed(LanguageFeed):
    kind = "events"
    list_url_name = "events:event_list"
    feed_url_name = "opendata:feed_events"

    def title(self, obj):
        return _("Soliris: upcoming events")

    def description(self, obj):
        return _("The events of the agenda, soonest first.")

    def items(self, obj):
        events = upcoming_events().prefetch_related(None)
        return ics.with_modified_at(events).order_by("starts_at", "id")[:LIMIT]

    def item_title(self, item):
        title, _lang = translated_value(item, "title")
        if item.cancelled_at:
            return _("Cancelled: %(title)s") % {"title": title}
        return title

    def item_description(self, item):
        description, _lang = translated_value(item, "description")
        when = formats.date_format(timezone.localtime(item.starts_at, item.tz), "DATETIME_FORMAT")
        place = item.place_name or " ".join(item.address.split()) or pgettext("event place", "Online")
        return html_paragraphs(f"{when} ({item.time_zone}) — {place}", description)

    def item_link(self, item):
        return absolute("events:event_detail", item.slug)

    def item_guid(self, item):
        return tag("events", item.slug)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.modified_at


class CallsFeed(LanguageFeed):
    kind = "calls"
    list_url_name = "projects:call_list"
    feed_url_name = "opendata:feed_calls"

    def title(self, obj):
        return _("Soliris: open calls for projects")

    def description(self, obj):
        return _("The calls for projects open now, closing soonest first.")

    def items(self, obj):
        now = timezone.now()
        calls = published_calls().filter(opens_at__lte=now, closes_at__gt=now).select_related("publisher")
        return with_updated_at(calls, Call, "projects.call.").order_by("closes_at", "id")[:LIMIT]

    def item_title(self, item):
        return translated_value(item, "title")[0]

    def item_description(self, item):
        description, _lang = translated_value(item, "description")
        closes = formats.date_format(timezone.localtime(item.closes_at), "DATETIME_FORMAT")
        publisher = shown_name(item.publisher) if item.publisher_id else "Soliris"
        return html_paragraphs(
            _("Published by %(publisher)s; closes on %(date)s.") % {"publisher": publisher, "date": closes},
            description,
        )

    def item_author_name(self, item):
        # The publisher's name only if the public may see it (``partners.visibility``).
        return shown_name(item.publisher) if item.publisher_id else "Soliris"

    def item_link(self, item):
        return absolute("projects:call_detail", item.key)

    def item_guid(self, item):
        return tag("calls", item.key)

    def item_pubdate(self, item):
        return item.opens_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.opens_at)


class RecommendationsFeed(LanguageFeed):
    kind = "recommendations"
    list_url_name = "events:recommendation_list"
    feed_url_name = "opendata:feed_recommendations"

    def title(self, obj):
        return _("Soliris: new recommendations")

    def description(self, obj):
        return _("The recommendations gathered at the events, newest first.")

    def items(self, obj):
        recommendations = published_recommendations().prefetch_related(None)
        recommendations = with_updated_at(recommendations, Recommendation, "events.recommendation.")
        return recommendations.order_by("-created_at", "-id")[:LIMIT]

    def item_title(self, item):
        text, _lang = translated_value(item, "text")
        return f"{item.number}. {Truncator(' '.join(text.split())).chars(100)}"

    def item_description(self, item):
        text, _lang = translated_value(item, "text")
        event_title, _lang = translated_value(item.section.event, "title")
        section_title, _lang = translated_value(item.section, "title")
        return html_paragraphs(text, f"{event_title} — {section_title}")

    def item_link(self, item):
        return absolute("events:recommendation_detail", item.key)

    def item_guid(self, item):
        return tag("recommendations", item.key)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
