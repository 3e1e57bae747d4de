"""What erasing an account removes from events (``soliris.privacy``): registrations to events
still to come go; past ones stay as attendance, without the needs the person gave."""

from django.utils import timezone

from events.models import Registration, WorkshopRegistration


def erase(user) -> None:
    now = timezone.now()
    WorkshopRegistration.objects.filter(
        registration__user=user, registration__event__starts_at__gt=now
    ).delete()
    Registration.objects.filter(user=user, event__starts_at__gt=now).delete()
    Registration.objects.filter(user=user).update(accessibility_needs="", interpretation_needs=[])
