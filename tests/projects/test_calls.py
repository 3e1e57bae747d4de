from django.urls import reverse
from django.utils import timezone

from projects.models import Call, Project, ProjectParty, ProjectPartyStatus, Submission, SubmissionStatus


def test_the_public_call_page_names_no_unverified_laureate(client, cast, make_user):
    """Laureates are showcased, but an organisation the directory does not show stays unnamed."""

    hidden = cast.stadd
    hidden.verified_at = None
    hidden.save()
    now = timezone.now()
    call = Call.objects.create(
        publisher=cast.jette,
        title="Appel 2026",
        opens_at=now - timezone.timedelta(days=10),
        closes_at=now + timezone.timedelta(days=10),
    )
    project = Project.objects.create(title="Eau partagée", proposed_by=cast.tarija)
    for organisation in (cast.tarija, hidden):
        ProjectParty.objects.create(
            project=project, organisation=organisation, status=ProjectPartyStatus.CONFIRMED
        )
    Submission.objects.create(call=call, project=project, status=SubmissionStatus.SELECTED)
    body = client.get(reverse("projects:call_detail", kwargs={"key": call.key})).content.decode()
    assert "Eau partagée" in body
    assert cast.tarija.name in body
    assert hidden.name not in body
