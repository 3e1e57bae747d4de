"""Each party's narrative of the partnership's year: written by its own members, read by all."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partners.models import Partnership, PartnershipNarrative, PartnershipParty, PartyStatus, Role
from partners.permissions import at_least, role_in
from partners.selectors.narratives import year_exists, year_is_closed
from partners.services.common import full_clean, require
from soliris import audit
from soliris.conflicts import EditConflict, check_version

# What the conflict screen shows of the narrative saved meanwhile.
NARRATIVE_CONFLICT_FIELDS = ("text", "language")


def closed_refusal(year: int) -> str:
    return _(
        "The annual report of %(year)s is generated: the narratives of %(year)s are final and "
        "can no longer be changed."
    ) % {"year": year}


@transaction.atomic
def narrative_save(
    *,
    actor,
    partnership: Partnership,
    organisation,
    year: int,
    text: str,
    language: str,
    expected_version: int,
) -> PartnershipNarrative:
    """An editor (or coordinator) of an accepted party writes or rewrites that party's
    narrative of ``year`` — its own party's only, every party alike. ``expected_version`` is
    the version the form was opened on (0: none was written yet); when someone saved it since,
    ``EditConflict`` carries their text. Refused once the year's annual report is generated."""
    require(
        PartnershipParty.objects.filter(
            partnership=partnership, organisation=organisation, status=PartyStatus.ACCEPTED
        ).exists()
    )
    require(at_least(role_in(actor, [organisation.pk]), Role.EDITOR))
    if not year_exists(year):
        raise ValidationError(_("Choose a year that has begun."))
    # One writer at a time per partnership: two first narratives of one party at once are
    # taken one after the other, and the second meets the first as a conflict.
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    if year_is_closed(year):
        raise ValidationError(closed_refusal(year), code="closed")
    current = (
        PartnershipNarrative.objects.select_for_update()
        .filter(partnership=partnership, organisation=organisation, year=year)
        .first()
    )
    if current is None:
        if expected_version:  # the form was opened on a narrative that is no longer there
            raise EditConflict(None, fields=NARRATIVE_CONFLICT_FIELDS)
        narrative = PartnershipNarrative(
            partnership=partnership,
            organisation=organisation,
            year=year,
            text=text,
            language=language,
            author=actor,
        )
        action = "partners.narrative.written"
    else:
        check_version(current, expected_version, fields=NARRATIVE_CONFLICT_FIELDS)
        narrative = current
        narrative.text, narrative.language, narrative.author = text, language, actor
        narrative.version += 1
        action = "partners.narrative.updated"
    full_clean(narrative)
    narrative.save()
    audit.record(
        action,
        actor=actor,
        subject=partnership,
        organisation=organisation.name,
        year=year,
        language=language,
    )
    return narrative
