"""Every URL name of the events app (and of the PDF jobs) × every role of the shared cast."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from events import urls as events_urls
from events.models import Recommendation
from events.permissions import get_event_for_user, get_recommendation_for_user
from soliris.models import RenderJob, RenderJobState
from soliris.pdf import urls as pdf_urls
from soliris.permissions import UnknownPermission
from tests.conftest import ROLES
from tests.events.conftest import make_recommendations, make_workshop

pytestmark = pytest.mark.django_db

ORGANISERS = {"party_editor": 200, "party_coordinator": 200}
EVERYONE = dict.fromkeys(ROLES, 200)
SIGNED_IN = {**dict.fromkeys(ROLES, 200), "anonymous": 302}


def organisers_only(ok=200):
    return {role: (ok if role in ORGANISERS else 403) for role in ROLES} | {"anonymous": 302}


COORDINATORS = {"outsider", "party_coordinator", "partner_coordinator", "invited_coordinator"}
# The job was asked for by Jette's coordinator; the event's organisers see it too; others get 404.
JOB_VIEWERS = {role: (200 if role in ORGANISERS else 404) for role in ROLES} | {"anonymous": 302}

# url name: (method, expected status by role)
MATRIX = {
    "events:event_list": ("get", EVERYONE),
    "events:event_create": ("get", {**SIGNED_IN, "party_viewer": 403}),
    "events:event_detail": ("get", EVERYONE),
    "events:event_edit": ("get", organisers_only()),
    # Posted without a reason: an organiser is sent back to give one, nothing is cancelled.
    "events:event_cancel": ("post", organisers_only(302)),
    "events:event_calendar": ("get", EVERYONE),
    "events:event_register": ("get", SIGNED_IN),
    "events:registration_cancel": ("post", {**SIGNED_IN, **dict.fromkeys(ROLES, 302)}),
    "events:attendee_list": ("get", organisers_only()),
    "events:attendee_csv": ("get", organisers_only()),
    "events:workshop_create": ("get", organisers_only()),
    "events:workshop_edit": ("get", organisers_only()),
    "events:workshop_join": ("post", dict.fromkeys(ROLES, 302)),
    "events:workshop_leave": ("post", dict.fromkeys(ROLES, 302)),
    "events:event_recommendations": ("get", EVERYONE),
    "events:section_create": ("get", organisers_only()),
    "events:recommendation_create": ("get", organisers_only()),
    "events:booklet_request": ("post", organisers_only(302)),
    "events:recommendation_list": ("get", EVERYONE),
    "events:recommendation_detail": ("get", EVERYONE),
    "events:recommendation_edit": ("get", organisers_only()),
    "events:recommendation_follow_up": ("get", organisers_only()),
    "events:recommendation_endorse": (
        "post",
        {role: (302 if role in COORDINATORS else 403) for role in ROLES} | {"anonymous": 302},
    ),
    "events:recommendation_withdraw": (
        "post",
        {role: (302 if role in COORDINATORS else 403) for role in ROLES} | {"anonymous": 302},
    ),
    "pdf:job_detail": ("get", JOB_VIEWERS),
    "pdf:job_progress": ("get", JOB_VIEWERS),
    "pdf:job_download": ("get", JOB_VIEWERS),
    "pdf:job_retry": ("post", {**JOB_VIEWERS, **dict.fromkeys(ORGANISERS, 302)}),
    "pdf:verify": ("get", EVERYONE),
    "pdf:certificate": ("get", EVERYONE),
    "pdf:certificate_pem": ("get", EVERYONE),
    "pdf:certificate_der": ("get", EVERYONE),
    "pdf:authority_pem": ("get", EVERYONE),
    "pdf:authority_der": ("get", EVERYONE),
    "events:annual_report": ("get", {**dict.fromkeys(ROLES, 403), "anonymous": 302, "staff": 200}),
}


def all_url_names():
    names = {f"events:{p.name}" for p in events_urls.urlpatterns}
    names |= {f"pdf:{p.name}" for p in pdf_urls.urlpatterns}
    return names


def test_every_url_name_is_in_the_matrix():
    assert all_url_names() == set(MATRIX)


@pytest.fixture
def world(cast, event):
    workshop = make_workshop(event)
    section, (recommendation, *_rest) = make_recommendations(event, 2)
    job = RenderJob.objects.create(
        kind="events.booklet",
        parameters={"event": event.slug, "language": "fr"},
        language="fr",
        title="Livret",
        content_hash="0" * 64,
        requested_by=cast.user("party_coordinator"),
        state=RenderJobState.DONE,
    )
    job.file.save("livret.pdf", ContentFile(b"%PDF-1.7\n%test\n"), save=True)
    return {"event": event, "workshop": workshop, "recommendation": recommendation, "job": job}


def url_for(name, world):
    event, workshop = world["event"], world["workshop"]
    recommendation: Recommendation = world["recommendation"]
    args = {
        "events:event_list": [],
        "events:event_create": [],
        "events:recommendation_list": [],
        "events:annual_report": [],
        "pdf:verify": [],
        "pdf:certificate": [],
        "pdf:certificate_pem": [],
        "pdf:certificate_der": [],
        "pdf:authority_pem": [],
        "pdf:authority_der": [],
    }.get(name)
    if args is not None:
        return reverse(name)
    if name in ("events:workshop_edit", "events:workshop_join", "events:workshop_leave"):
        return reverse(name, args=[event.slug, workshop.key])
    if name.startswith("events:recommendation_") and name != "events:recommendation_create":
        return reverse(name, args=[recommendation.key])
    if name.startswith("pdf:"):
        return reverse(name, args=[world["job"].key])
    return reverse(name, args=[event.slug])


POST_DATA = {
    "events:booklet_request": {"language": "es"},
    "events:recommendation_endorse": None,  # filled per role: an organisation they coordinate
    "events:recommendation_withdraw": None,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, role, world, as_role, cast):
    client = as_role(role)
    method, expected = MATRIX[name]
    url = url_for(name, world)
    if method == "get":
        response = client.get(url)
    else:
        data = POST_DATA.get(name) or {}
        if name in ("events:recommendation_endorse", "events:recommendation_withdraw"):
            user = cast.user(role)
            membership = user.memberships.first() if user else None
            data = {"organisation": membership.organisation.slug if membership else "cast-jette"}
        response = client.post(url, {**data, "confirmed": "1"})  # a removal confirmed
    assert response.status_code == expected[role], (name, role, response.status_code)


def test_forged_addresses_answer_404(as_role, world):
    client = as_role("party_coordinator")
    assert client.get("/fr/events/no-such-event/").status_code == 404
    assert client.get("/fr/recommendations/nosuchkey/").status_code == 404
    assert client.get(f"/fr/events/{world['event'].slug}/workshops/nosuchkey/edit/").status_code == 404
    assert client.get("/fr/documents/nosuchkey/").status_code == 404
    assert client.get("/fr/recommendations/?theme=nope&status=nope&event=nope&page=zz").status_code == 200


def test_a_coordinator_endorses_only_for_their_own_organisation(as_role, world, cast):
    client = as_role("party_coordinator")
    url = reverse("events:recommendation_endorse", args=[world["recommendation"].key])
    client.post(url, {"organisation": cast.tarija.slug})
    assert not world["recommendation"].endorsements.exists()
    client.post(url, {"organisation": cast.jette.slug})
    assert world["recommendation"].endorsements.get().organisation == cast.jette
    withdraw = reverse("events:recommendation_withdraw", args=[world["recommendation"].key])
    as_role("partner_coordinator").post(withdraw, {"organisation": cast.jette.slug, "confirmed": "1"})
    assert world["recommendation"].endorsements.get().withdrawn_at is None
    asked = as_role("party_coordinator").post(withdraw, {"organisation": cast.jette.slug})
    assert asked.status_code == 200 and world["recommendation"].endorsements.get().withdrawn_at is None
    as_role("party_coordinator").post(withdraw, {"organisation": cast.jette.slug, "confirmed": "1"})
    assert world["recommendation"].endorsements.get().withdrawn_at is not None


def test_platform_staff_organise_platform_events_only(as_role, cast):
    from tests.events.conftest import make_event

    platform = make_event(platform_event=True, slug="platform-day")
    client = as_role("staff")
    assert client.get(f"/fr/events/{platform.slug}/attendees/").status_code == 200
    assert as_role("party_coordinator").get(f"/fr/events/{platform.slug}/attendees/").status_code == 403


def test_a_permission_name_nobody_declared_is_refused_not_granted(cast, world):
    staff = cast.user("staff")
    with pytest.raises(UnknownPermission):
        get_event_for_user(staff, world["event"].slug, "events.event:fly")
    with pytest.raises(UnknownPermission):
        get_recommendation_for_user(staff, world["recommendation"].key, "organiser")
