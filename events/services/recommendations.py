"""Recommendations: sections, recording and editing them, endorsements and follow-up."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import (
    Endorsement,
    Event,
    FollowUpNote,
    Recommendation,
    RecommendationSection,
    RecommendationStatus,
)
from events.permissions import coordinated_organisation_ids
from events.services.base import (
    LANGUAGE_CODES,
    changed_fields,
    full_clean,
    has_text,
    require_full_name,
    require_organiser,
    same_members,
    set_fields,
)
from partners.models import Membership
from soliris import audit, mail, search
from soliris.conflicts import check_version
from soliris.models import NotificationTopic, User

audit.register("events.section.created", _("added a section of recommendations"))
audit.register("events.recommendation.created", _("recorded a recommendation"))
audit.register("events.recommendation.updated", _("updated a recommendation"))
audit.register("events.recommendation.endorsed", _("endorsed the recommendation"))
audit.register("events.recommendation.endorsement_withdrawn", _("withdrew an endorsement"))
audit.register("events.recommendation.followed_up", _("updated the follow-up"))

# What the conflict screen shows of a recommendation saved meanwhile.
RECOMMENDATION_CONFLICT_FIELDS = ("text",)


def section_create(*, actor, event: Event, data: dict) -> RecommendationSection:
    require_organiser(actor, event)
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        position = (event.recommendation_sections.aggregate(m=Max("position"))["m"] or 0) + 1
        section = RecommendationSection(event=event, position=position)
        set_fields(section, data)
        if not has_text(section, "title"):
            raise ValidationError({"title_fr": _("Give the section a title in at least one language.")})
        section.full_clean()
        section.save()
        audit.record("events.section.created", actor=actor, subject=event, section=section.key)
    return section


def refresh_search_document(recommendation: Recommendation) -> None:
    """The recommendation's search text: its texts, its section's and event's titles, its
    themes and goals, in every language."""
    section = recommendation.section
    event = section.event
    parts = [getattr(recommendation, f"text_{c}") for c in LANGUAGE_CODES]
    parts += [getattr(section, f"title_{c}") for c in LANGUAGE_CODES]
    parts += [getattr(event, f"title_{c}") for c in LANGUAGE_CODES]
    for theme in recommendation.themes.all():
        parts += [getattr(theme, f"name_{c}", "") for c in LANGUAGE_CODES]
    for goal in recommendation.sdg_goals.all():
        parts += [getattr(goal, f"short_title_{c}", "") for c in LANGUAGE_CODES]
    Recommendation.objects.filter(pk=recommendation.pk).update(search_document=search.document(*parts))


def recommendation_create(
    *, actor, section: RecommendationSection, data: dict, themes=(), sdg_goals=(), workshop=None
) -> Recommendation:
    """Record a recommendation, numbered after the last one of its section."""
    event = section.event
    require_organiser(actor, event)
    if workshop is not None and workshop.event_id != event.pk:
        raise ValidationError(_("That workshop belongs to another event."))
    with transaction.atomic():
        RecommendationSection.objects.select_for_update().get(pk=section.pk)
        number = (section.recommendations.aggregate(m=Max("number"))["m"] or 0) + 1
        recommendation = Recommendation(section=section, number=number, workshop=workshop, created_by=actor)
        set_fields(recommendation, data)
        if not getattr(recommendation, f"text_{recommendation.original_language}"):
            raise ValidationError(
                {
                    f"text_{recommendation.original_language}": _(
                        "Write the recommendation in its original language."
                    )
                }
            )
        full_clean(recommendation, fields={"number_taken": "section"})
        recommendation.save()
        recommendation.themes.set(themes)
        recommendation.sdg_goals.set(sdg_goals)
        refresh_search_document(recommendation)
        audit.record("events.recommendation.created", actor=actor, subject=recommendation, number=number)
    return recommendation


def recommendation_update(
    *, actor, recommendation: Recommendation, data: dict, themes=None, sdg_goals=None, expected_version: int
) -> Recommendation:
    """Save the texts if nobody saved the recommendation since ``expected_version`` (else
    :class:`~soliris.conflicts.EditConflict`)."""
    require_organiser(actor, recommendation.section.event)
    with transaction.atomic():
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        changed = changed_fields(current, data)
        if themes is not None and not same_members(current.themes, themes):
            changed.append("themes")
        if sdg_goals is not None and not same_members(current.sdg_goals, sdg_goals):
            changed.append("sdg_goals")
        if not changed:
            return current  # nothing changed: no new version, no history entry
        check_version(current, expected_version, fields=RECOMMENDATION_CONFLICT_FIELDS)
        set_fields(current, data)
        if not getattr(current, f"text_{current.original_language}"):
            raise ValidationError(
                {f"text_{current.original_language}": _("Write the recommendation in its original language.")}
            )
        current.version = F("version") + 1
        full_clean(current, fields={"number_taken": "section"}, exclude=["version"])
        current.save()
        current.refresh_from_db()
        if themes is not None:
            current.themes.set(themes)
        if sdg_goals is not None:
            current.sdg_goals.set(sdg_goals)
        refresh_search_document(current)
        audit.record("events.recommendation.updated", actor=actor, subject=current, fields=sorted(changed))
    return current


def recommendation_endorse(*, actor, recommendation: Recommendation, organisation) -> Endorsement:
    """A coordinator endorses on behalf of their organisation."""
    if organisation.pk not in coordinated_organisation_ids(actor):
        raise PermissionDenied
    require_full_name(actor)
    with transaction.atomic():
        Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        endorsement = Endorsement(recommendation=recommendation, organisation=organisation, endorsed_by=actor)
        full_clean(endorsement, fields={"already_endorsed": "organisation"})
        endorsement.save()
        audit.record(
            "events.recommendation.endorsed",
            actor=actor,
            subject=recommendation,
            organisation=organisation.slug,
        )
    return endorsement


def recommendation_withdraw(*, actor, recommendation: Recommendation, organisation) -> Endorsement:
    """A coordinator withdraws their organisation's endorsement (kept, dated, not deleted)."""
    if organisation.pk not in coordinated_organisation_ids(actor):
        raise PermissionDenied
    with transaction.atomic():
        endorsement = (
            recommendation.endorsements.select_for_update()
            .filter(organisation=organisation, withdrawn_at__isnull=True)
            .first()
        )
        if endorsement is None:
            raise ValidationError(
                _("%(organisation)s does not endorse this recommendation."),
                params={"organisation": organisation.name},
            )
        endorsement.withdrawn_at = timezone.now()
        endorsement.withdrawn_by = actor
        endorsement.save(update_fields=["withdrawn_at", "withdrawn_by"])
        audit.record(
            "events.recommendation.endorsement_withdrawn",
            actor=actor,
            subject=recommendation,
            organisation=organisation.slug,
        )
    return endorsement


# What the conflict screen shows of a follow-up recorded meanwhile.
FOLLOW_UP_CONFLICT_FIELDS = ("status", "status_reason")


def _tell_endorsers_of_status(
    *, actor, recommendation: Recommendation, previous: str, note: FollowUpNote
) -> int:
    """The active members of each organisation endorsing the recommendation (endorsement not
    withdrawn) are told its old and new status, in their language, with its page; not the
    person who recorded it."""
    today = timezone.localdate()
    endorsing = recommendation.endorsements.filter(withdrawn_at__isnull=True).values("organisation")
    members = Membership.objects.filter(
        organisation__in=endorsing, active_until__isnull=True, active_from__lte=today
    ).values("user")
    recipients = User.objects.filter(pk__in=members, is_active=True).exclude(pk=actor.pk).order_by("pk")
    return mail.send(
        recipients,
        "events/email/recommendation_status",
        {
            "recommendation": recommendation,
            "event": recommendation.section.event,
            "previous_status": RecommendationStatus(previous).label,
            "status": RecommendationStatus(recommendation.status).label,
            "note": note,
        },
        link=("events:recommendation_detail", recommendation.key),
        topic=NotificationTopic.EVENTS,
    )


def recommendation_follow_up(
    *, actor, recommendation: Recommendation, status: str, text: str = "", expected_version: int | None = None
) -> FollowUpNote:
    """Record a dated follow-up note and set the status; setting aside needs a reason.

    ``expected_version``: the ``follow_up_version`` the form was opened on; when someone
    recorded a follow-up since, :class:`~soliris.conflicts.EditConflict` (their status is
    shown, the user's note kept)."""
    require_organiser(actor, recommendation.section.event)
    require_full_name(actor)
    if status not in RecommendationStatus.values:
        raise ValidationError(_("Choose a follow-up status."))
    text = (text or "").strip()
    with transaction.atomic():
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if expected_version is not None:
            check_version(
                current,
                expected_version,
                fields=FOLLOW_UP_CONFLICT_FIELDS,
                version_field="follow_up_version",
            )
        previous = current.status
        current.status = status
        current.status_reason = text if status == RecommendationStatus.SET_ASIDE else ""
        current.follow_up_version += 1
        full_clean(current, fields={"set_aside_without_reason": "text"})
        current.save(update_fields=["status", "status_reason", "follow_up_version"])
        note = FollowUpNote(recommendation=current, status=status, text=text, author=actor)
        note.full_clean()
        note.save()
        audit.record(
            "events.recommendation.followed_up",
            actor=actor,
            subject=current,
            previous=previous,
            status=status,
        )
        if previous != status:
            _tell_endorsers_of_status(actor=actor, recommendation=current, previous=previous, note=note)
    return note
