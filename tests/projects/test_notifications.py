"""Invitations and call decisions reach the coordinators by email, through the real worker, in their language."""

import time

from projects import services
from projects.models import ProjectParty, Submission
from projects.tasks import notify_invitation


def wait_for_mail(worker, count, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(worker.mail_dir.glob("*.log")) if worker.mail_dir.exists() else []
        text = "".join(path.read_text() for path in files)
        if text.count("Subject: ") >= count:
            return text
        time.sleep(0.3)
    raise AssertionError(f"no {count} emails after {timeout}s:\n{worker.log()[-2000:]}")


def test_the_invited_partner_gets_an_email_in_its_language(celery_worker, cast, open_call):
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator,
        proposed_by=cast.jette,
        title="Jardins d'eau",
        partners=[cast.tarija],
        language="fr",
    )
    text = wait_for_mail(celery_worker, 1)
    assert "coordinador@tarija.test" in text
    assert f"/es/projects/{project.key}/" in text
    assert "Como coordinador/a, puede confirmar" in text  # Spanish, the coordinator's language
    party = ProjectParty.objects.get(project=project, organisation=cast.tarija)
    assert party.notified_at is not None
    # Safe to run twice: nothing more is sent.
    assert notify_invitation(party.pk) == 0


def test_the_parties_hear_of_the_calls_decision(celery_worker, cast, open_call):
    coordinator = cast.user("party_coordinator")
    project = services.project_create(
        actor=coordinator, proposed_by=cast.jette, title="Sources", partners=[cast.tarija], language="fr"
    )
    services.project_transition(actor=coordinator, project=project, to_status="proposed")
    services.party_confirm(
        actor=cast.user("partner_coordinator"),
        party=ProjectParty.objects.get(project=project, organisation=cast.tarija),
        role="Fuentes",
        contribution="Equipo",
    )
    from projects.models import Goal

    services.sdg_link_save(actor=coordinator, project=project, goal=Goal.objects.get(number=6))
    make_ready_without_stadd(project, cast)
    submission = services.project_submit(actor=coordinator, project=project, call=open_call)
    services.submission_decide(
        actor=cast.user("outsider"), submission=submission, select=False, reason="Budget épuisé"
    )
    text = wait_for_mail(celery_worker, 3)  # the invitation, then the decision to Jette and Tarija
    assert "Budget épuisé" in text or "Budget =C3=A9puis=C3=A9" in text
    assert Submission.objects.get().notified_at is not None


def make_ready_without_stadd(project, cast):
    services.party_update(
        actor=cast.user("party_editor"),
        party=ProjectParty.objects.get(project=project, organisation=cast.jette),
        role="Coordination",
        contribution="Cofinancement",
        decision_level="co_decides",
    )
