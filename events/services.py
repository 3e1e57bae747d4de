"""Every change to events, registrations and recommendations."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from events.models import (
    ACTIVE_STATUSES,
    Endorsement,
    Event,
    FollowUpNote,
    Recommendation,
    RecommendationSection,
    RecommendationStatus,
    Registration,
    RegistrationStatus,
    Workshop,
    WorkshopRegistration,
)
from events.permissions import coordinated_organisation_ids, is_organiser, organisations_organised_by
from soliris import audit, search

A = audit.register
A("events.event.created", _("created the event"))
A("events.event.updated", _("updated the event"))
A("events.workshop.created", _("added a workshop"))
A("events.workshop.updated", _("updated a workshop"))
A("events.registration.created", _("registered"))
A("events.registration.cancelled", _("cancelled a registration"))
A("events.registration.promoted", _("moved up from the waiting list"))
A("events.workshop_registration.created", _("joined a workshop"))
A("events.workshop_registration.cancelled", _("left a workshop"))
A("events.section.created", _("added a section of recommendations"))
A("events.recommendation.created", _("recorded a recommendation"))
A("events.recommendation.updated", _("updated a recommendation"))
A("events.recommendation.endorsed", _("endorsed the recommendation"))
A("events.recommendation.endorsement_withdrawn", _("withdrew an endorsement"))
A("events.recommendation.followed_up", _("updated the follow-up"))

LANGUAGE_CODES = ("fr", "nl", "en", "es")


def _require_organiser(actor, event):
    if not is_organiser(actor, event):
        raise PermissionDenied


def _unique_slug(title: str, starts_at) -> str:
    base = slugify(f"{title} {starts_at:%Y}")[:80] or "event"
    slug, n = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _set_fields(obj, data: dict):
    for name, value in data.items():
        setattr(obj, name, value)


# --- Events -----------------------------------------------------------------------------


def event_create(*, actor, data: dict, organisers=(), platform_event=False) -> Event:
    """``data``: the event's own fields (title_fr..., starts_at...). ``organisers``: organisations
    in whose name the actor organises (editor or coordinator there)."""
    allowed = set(organisations_organised_by(actor))
    if any(org.pk not in allowed for org in organisers):
        raise PermissionDenied
    if platform_event and not actor.is_staff:
        raise PermissionDenied
    if not organisers and not platform_event:
        raise ValidationError(_("Choose at least one organising organisation."))
    with transaction.atomic():
        event = Event(created_by=actor, platform_event=platform_event)
        _set_fields(event, data)
        title = next((data.get(f"title_{c}") for c in LANGUAGE_CODES if data.get(f"title_{c}")), "")
        if not title:
            raise ValidationError({"title_fr": _("Give the event a title in at least one language.")})
        event.slug = _unique_slug(title, event.starts_at)
        event.full_clean()
        event.save()
        event.organisers.set(organisers)
        audit.record("events.event.created", actor=actor, subject=event, title=title)
    return event


def event_update(*, actor, event: Event, data: dict, organisers=None, expected_version: int) -> Event:
    _require_organiser(actor, event)
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        if current.version != expected_version:
            raise ValidationError(
                _(
                    "Someone else saved this event while you were editing it. Check their changes below and save again."
                )
            )
        _set_fields(current, data)
        if not any(getattr(current, f"title_{c}") for c in LANGUAGE_CODES):
            raise ValidationError({"title_fr": _("Give the event a title in at least one language.")})
        current.version = F("version") + 1
        current.full_clean(exclude=["version"])
        current.save()
        if organisers is not None:
            keep = [org for org in event.organisers.all() if org.pk not in organisations_organised_by(actor)]
            current.organisers.set(list(organisers) + keep)
            if not current.organisers.exists() and not current.platform_event:
                raise ValidationError(_("Choose at least one organising organisation."))
        audit.record("events.event.updated", actor=actor, subject=current, fields=sorted(data))
    current.refresh_from_db()
    return current


def workshop_save(*, actor, event: Event, data: dict, workshop: Workshop | None = None) -> Workshop:
    _require_organiser(actor, event)
    with transaction.atomic():
        created = workshop is None
        workshop = workshop or Workshop(event=event)
        _set_fields(workshop, data)
        if not any(getattr(workshop, f"title_{c}") for c in LANGUAGE_CODES):
            raise ValidationError({"title_fr": _("Give the workshop a title in at least one language.")})
        workshop.full_clean()
        workshop.save()
        audit.record(
            "events.workshop.created" if created else "events.workshop.updated",
            actor=actor,
            subject=event,
            workshop=workshop.key,
        )
    return workshop


# --- Registrations --------------------------------------------------------------------


def _send_registration_email(registration_id: int, template: str) -> None:
    registration = Registration.objects.select_related("event", "user").get(pk=registration_id)
    user = registration.user
    with translation.override(registration.language or user.preferred_language):
        context = {
            "registration": registration,
            "event": registration.event,
            "user": user,
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


def _email_on_commit(registration: Registration, template: str) -> None:
    registration_id = registration.pk
    transaction.on_commit(lambda: _send_registration_email(registration_id, template))


def registration_create(
    *, actor, event: Event, language: str, accessibility_needs: str = "", interpretation_needs=()
) -> Registration:
    """Register ``actor``: confirmed while there is room, else on the waiting list."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if not event.registration_open:
            raise ValidationError(_("Registration for this event is closed."))
        if Registration.objects.filter(event=event, user=actor, status__in=ACTIVE_STATUSES).exists():
            raise ValidationError(_("You are already registered for this event."))
        confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
        full = event.capacity is not None and confirmed >= event.capacity
        registration = Registration(
            event=event,
            user=actor,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            language=language,
            accessibility_needs=accessibility_needs,
            interpretation_needs=list(interpretation_needs),
        )
        registration.full_clean()
        registration.save()
        audit.record("events.registration.created", actor=actor, subject=event, status=registration.status)
        _email_on_commit(registration, "registration_confirmed" if not full else "registration_waiting")
    return registration


def _promote_waiting_registration(event: Event) -> Registration | None:
    """Confirm the first person waiting, when there is room (the event row is locked)."""
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
    if event.capacity is not None and confirmed >= event.capacity:
        return None
    first = (
        Registration.objects.select_for_update()
        .filter(event=event, status=RegistrationStatus.WAITING)
        .order_by("created_at", "id")
        .first()
    )
    if first is None:
        return None
    first.status = RegistrationStatus.CONFIRMED
    first.save(update_fields=["status"])
    audit.record("events.registration.promoted", actor=None, subject=event, user=first.user_id)
    _email_on_commit(first, "registration_promoted")
    return first


def registration_cancel(*, actor, registration: Registration) -> Registration | None:
    """Cancel one's own registration (and its workshops); the waiting list moves up.

    Returns the registration that moved up, if any.
    """
    if registration.user_id != getattr(actor, "pk", None):
        raise PermissionDenied
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise ValidationError(_("This registration was already cancelled."))
        now = timezone.now()
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        for booking in registration.workshop_registrations.filter(status__in=ACTIVE_STATUSES).select_related(
            "workshop"
        ):
            _workshop_cancel_locked(booking, now)
        audit.record("events.registration.cancelled", actor=actor, subject=event)
        promoted = _promote_waiting_registration(event)
    return promoted


def _overlapping(registration: Registration, workshop: Workshop):
    return (
        WorkshopRegistration.objects.filter(registration=registration, status__in=ACTIVE_STATUSES)
        .exclude(workshop=workshop)
        .filter(workshop__starts_at__lt=workshop.ends_at, workshop__ends_at__gt=workshop.starts_at)
        .select_related("workshop")
        .first()
    )


def workshop_join(*, actor, workshop: Workshop) -> WorkshopRegistration:
    """Join a workshop: one needs a confirmed registration for the event, and no overlapping workshop."""
    with transaction.atomic():
        workshop = Workshop.objects.select_for_update().select_related("event").get(pk=workshop.pk)
        event = workshop.event
        if not event.registration_open:
            raise ValidationError(_("Registration for this event is closed."))
        registration = Registration.objects.filter(
            event=event, user=actor, status=RegistrationStatus.CONFIRMED
        ).first()
        if registration is None:
            raise ValidationError(
                _("Register for the event first: workshops are open to its confirmed participants.")
            )
        if WorkshopRegistration.objects.filter(
            registration=registration, workshop=workshop, status__in=ACTIVE_STATUSES
        ).exists():
            raise ValidationError(_("You are already registered for this workshop."))
        clash = _overlapping(registration, workshop)
        if clash is not None:
            raise ValidationError(
                _("This workshop overlaps with “%(other)s”, which you have joined. Leave that one first."),
                params={"other": clash.workshop.title},
            )
        confirmed = workshop.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        full = workshop.capacity is not None and confirmed >= workshop.capacity
        booking = WorkshopRegistration(
            workshop=workshop,
            registration=registration,
            status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
        )
        booking.full_clean()
        booking.save()
        audit.record(
            "events.workshop_registration.created",
            actor=actor,
            subject=event,
            workshop=workshop.key,
            status=booking.status,
        )
    return booking


def _workshop_cancel_locked(booking: WorkshopRegistration, now) -> WorkshopRegistration | None:
    workshop = Workshop.objects.select_for_update().get(pk=booking.workshop_id)
    was_confirmed = booking.status == RegistrationStatus.CONFIRMED
    booking.status = RegistrationStatus.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at"])
    if not was_confirmed:
        return None
    first = (
        WorkshopRegistration.objects.select_for_update()
        .filter(workshop=workshop, status=RegistrationStatus.WAITING)
        .order_by("created_at", "id")
        .first()
    )
    if first is not None:
        first.status = RegistrationStatus.CONFIRMED
        first.save(update_fields=["status"])
    return first


def workshop_leave(*, actor, workshop: Workshop) -> WorkshopRegistration | None:
    with transaction.atomic():
        booking = (
            WorkshopRegistration.objects.select_for_update()
            .filter(workshop=workshop, registration__user=actor, status__in=ACTIVE_STATUSES)
            .first()
        )
        if booking is None:
            raise ValidationError(_("You are not registered for this workshop."))
        promoted = _workshop_cancel_locked(booking, timezone.now())
        audit.record(
            "events.workshop_registration.cancelled",
            actor=actor,
            subject=workshop.event,
            workshop=workshop.key,
        )
    return promoted


# --- Recommendations ------------------------------------------------------------------


def section_create(*, actor, event: Event, data: dict) -> RecommendationSection:
    _require_organiser(actor, event)
    with transaction.atomic():
        Event.objects.select_for_update().get(pk=event.pk)
        position = (event.recommendation_sections.aggregate(m=Max("position"))["m"] or 0) + 1
        section = RecommendationSection(event=event, position=position)
        _set_fields(section, data)
        if not any(getattr(section, f"title_{c}") for c in LANGUAGE_CODES):
            raise ValidationError({"title_fr": _("Give the section a title in at least one language.")})
        section.full_clean()
        section.save()
        audit.record("events.section.created", actor=actor, subject=event, section=section.key)
    return section


def refresh_search_document(recommendation: Recommendation) -> None:
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
):
    event = section.event
    _require_organiser(actor, event)
    if workshop is not None and workshop.event_id != event.pk:
        raise ValidationError(_("That workshop belongs to another event."))
    with transaction.atomic():
        RecommendationSection.objects.select_for_update().get(pk=section.pk)
        number = (section.recommendations.aggregate(m=Max("number"))["m"] or 0) + 1
        recommendation = Recommendation(section=section, number=number, workshop=workshop, created_by=actor)
        _set_fields(recommendation, data)
        if not getattr(recommendation, f"text_{recommendation.original_language}"):
            raise ValidationError(
                {
                    f"text_{recommendation.original_language}": _(
                        "Write the recommendation in its original language."
                    )
                }
            )
        recommendation.text = getattr(recommendation, f"text_{recommendation.original_language}")
        recommendation.full_clean()
        recommendation.save()
        recommendation.themes.set(themes)
        recommendation.sdg_goals.set(sdg_goals)
        refresh_search_document(recommendation)
        audit.record("events.recommendation.created", actor=actor, subject=recommendation, number=number)
    return recommendation


def recommendation_update(
    *, actor, recommendation: Recommendation, data: dict, themes=None, sdg_goals=None, expected_version: int
):
    _require_organiser(actor, recommendation.section.event)
    with transaction.atomic():
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if current.version != expected_version:
            raise ValidationError(
                _("Someone else saved this recommendation while you were editing it. Check their text below.")
            )
        _set_fields(current, data)
        if not getattr(current, f"text_{current.original_language}"):
            raise ValidationError(
                {f"text_{current.original_language}": _("Write the recommendation in its original language.")}
            )
        current.version = F("version") + 1
        current.full_clean(exclude=["version"])
        current.save()
        current.refresh_from_db()
        if themes is not None:
            current.themes.set(themes)
        if sdg_goals is not None:
            current.sdg_goals.set(sdg_goals)
        refresh_search_document(current)
        audit.record("events.recommendation.updated", actor=actor, subject=current, fields=sorted(data))
    return current


def recommendation_endorse(*, actor, recommendation: Recommendation, organisation) -> Endorsement:
    """A coordinator endorses on behalf of their organisation."""
    if organisation.pk not in coordinated_organisation_ids(actor):
        raise PermissionDenied
    with transaction.atomic():
        Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if recommendation.endorsements.filter(organisation=organisation, withdrawn_at__isnull=True).exists():
            raise ValidationError(
                _("%(organisation)s already endorses this recommendation."),
                params={"organisation": organisation.name},
            )
        endorsement = Endorsement(recommendation=recommendation, organisation=organisation, endorsed_by=actor)
        endorsement.full_clean()
        endorsement.save()
        audit.record(
            "events.recommendation.endorsed",
            actor=actor,
            subject=recommendation,
            organisation=organisation.slug,
        )
    return endorsement


def recommendation_withdraw_endorsement(
    *, actor, recommendation: Recommendation, organisation
) -> Endorsement:
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


def recommendation_follow_up(
    *, actor, recommendation: Recommendation, status: str, text: str = ""
) -> FollowUpNote:
    """Record a dated follow-up note and set the status; setting aside needs a reason."""
    _require_organiser(actor, recommendation.section.event)
    if status not in RecommendationStatus.values:
        raise ValidationError(_("Choose a follow-up status."))
    text = (text or "").strip()
    if status == RecommendationStatus.SET_ASIDE and not text:
        raise ValidationError({"text": _("Say why the recommendation is set aside.")})
    with transaction.atomic():
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        previous = current.status
        current.status = status
        current.status_reason = text if status == RecommendationStatus.SET_ASIDE else ""
        current.full_clean()
        current.save(update_fields=["status", "status_reason"])
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
    return note
