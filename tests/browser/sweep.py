"""The page sweep's parts: every route of the resolver, a demo object for each parameter, and
the English catalogue a non-English page must not show.

A route with a parameter has a *filler* here, keyed by its name: a function of the demo
database giving the parameters and the person (a member of the demo object's parties) who
sees the party's side of the page. A new route with a parameter and no filler fails the sweep.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.contrib import admin
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from django.utils import timezone

BASE_DIR = Path(__file__).resolve().parents[2]
LANGUAGES = ["fr", "nl", "en", "es"]
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
PIETER = "internationaal@brasschaat.demo"  # Brasschaat, party to Brasschaat – Tarija
AICHA = "coordination@jette.demo"  # Jette: the charter in progress
EMILIE = "solidarite@bruxelles.demo"  # Ville de Bruxelles: the call for projects
LOTTE = "internationaal@herent.demo"  # Herent: the project convention in progress
NADIA = "contact@iteco.demo"  # invited to Brasschaat by the sweep
STAFF = "staff@soliris.demo"
NEW_STAFF = "nouvelle.recrue@soliris.demo"  # made by the sweep: staff with no second factor yet
# Pages without parameters whose member is someone else than Pieter.
MEMBERS = {"mfa_activate_totp": NEW_STAFF}


@dataclass(frozen=True)
class Route:
    name: str  # "partners:partnership_detail"; "" for an unnamed one
    template: str  # "fr/partnerships/<key:key>/" (the i18n prefix included)
    parameters: tuple = ()
    regex: str = ""

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:") or self.template.split("/", 2)[1:2] == ["admin"]


def routes(resolver=None, prefix="", namespace=""):
    """Every URL pattern of the resolver: its name, its route and its parameters' names."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            route = (
                ""
                if isinstance(entry.pattern, RegexPattern) and "(?P" in str(entry.pattern)
                else str(entry.pattern)
            )
            route = route.lstrip("^")
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from routes(entry, prefix + route, inner)
            continue
        name = namespace + entry.name if entry.name else ""
        if isinstance(entry.pattern, RegexPattern):
            regex = entry.pattern.regex.pattern
            names = tuple(entry.pattern.regex.groupindex)
            template = prefix + re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", regex.strip("^$"))
            yield Route(name, template, names, regex)
        else:
            template = prefix + str(entry.pattern)
            yield Route(name, template, tuple(PARAMETER.findall(template)))


@dataclass
class Address:
    """One address to sweep: a route filled with demo objects, and who is its party."""

    route: Route
    path: str  # language-neutral: "/partnerships/aif5yk9vj7/"
    member: str = PIETER
    query: str = ""

    def url(self, language: str) -> str:
        return f"/{language}{self.path}{self.query}" if self.localised else self.path + self.query

    @property
    def localised(self) -> bool:
        return self.route.template.startswith("fr/")


def fill(route: Route, values: dict) -> str:
    path = route.template
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path)
    return path[2:] if path.startswith("fr/") else "/" + path


# --- The demo objects ------------------------------------------------------------------------


@dataclass
class Demo:
    """The demo database's objects the fillers use, and the few the sweep creates."""

    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        from conventions.models import CommentThread, Document
        from events.models import Event, Recommendation
        from partners.models import CheckInRound, Exchange, Membership, Organisation, Partnership
        from projects.models import Call, Project, Submission
        from soliris.models import RenderJob

        self.partnership = Partnership.objects.get(name="Brasschaat – Tarija")
        self.brasschaat = Organisation.objects.get(slug="brasschaat")
        self.membership = Membership.objects.get(organisation=self.brasschaat, user__email=PIETER)
        self.round = CheckInRound.objects.filter(partnership=self.partnership).order_by("-number").first()
        self.exchange = Exchange.objects.filter(partnership=self.partnership).first()
        self.project = Project.objects.get(key="tarijaagua")
        self.call = Call.objects.get()
        self.submission = Submission.objects.filter(call=self.call).first()
        self.convention = Document.objects.get(partnership=self.partnership)
        self.charter = Document.objects.get(kind="charter")
        self.project_convention = Document.objects.filter(project__isnull=False).first()
        self.thread = CommentThread.objects.filter(clause__document=self.charter).first()
        self.event = Event.objects.get(slug="journee-soliris-2022")
        self.workshop = self.event.workshops.first()
        self.recommendation = Recommendation.objects.filter(section__event=self.event).first()
        self.job = RenderJob.objects.first()
        answered = self.round.answers.values_list("party_id", flat=True)
        self.unanswered = self.partnership.parties.exclude(pk__in=answered).first()
        from django.contrib.contenttypes.models import ContentType

        from soliris.models import User

        self.content_type = ContentType.objects.get_for_model(Partnership)
        self.staff = User.objects.get(email=STAFF)


def create_fresh_objects(demo: Demo) -> None:
    """What the demo has none of and a page needs: made here, as a person would."""
    import secrets

    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress
    from allauth.account.utils import user_pk_to_url_str
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile

    from partners.models import Invitation
    from projects.models import Project, ProjectDocument, ProjectParty
    from soliris.models import Notification, RescuedForm, User
    from soliris.pdf.services import job_run
    from soliris.rescue import _browser_hash
    from tests.conftest import TOTP_SECRET

    staff = User.objects.get(email=STAFF)
    TOTP.activate(staff, TOTP_SECRET)  # staff pages need a second factor
    RecoveryCodes.activate(staff)  # and the second factor's own pages, their recovery codes
    Group.objects.get_or_create(name="Sweep")
    recruit = User.objects.create_user(
        email=NEW_STAFF, password="-", full_name="Nouvelle Recrue", is_staff=True
    )
    EmailAddress.objects.create(user=recruit, email=NEW_STAFF, verified=True, primary=True)
    pieter = User.objects.get(email=PIETER)
    demo.extra["invitation"] = Invitation.objects.create(
        organisation=demo.brasschaat, email=NADIA, invited_by=pieter, language="nl"
    )
    document = ProjectDocument(project=demo.project, title="Plan", uploaded_by=pieter)
    document.original_name, document.content_type = "plan.pdf", "application/pdf"
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.size = document.file.size
    document.save()
    demo.extra["document"] = document
    demo.extra["notification"] = Notification.objects.create(
        user=pieter,
        kind="sweep",
        title="Brasschaat – Tarija",
        path=f"/nl/partnerships/{demo.partnership.key}/",
    )
    from soliris.mail import unsubscribe_token

    demo.extra["unsubscribe"] = unsubscribe_token(pieter, "events")
    from opendata.feeds.tokens import token_of

    demo.extra["calendar"] = token_of(pieter)
    demo.extra["rescue_cookie"] = secrets.token_urlsafe(32)
    demo.extra["rescued"] = RescuedForm.objects.create(
        browser_hash=_browser_hash(demo.extra["rescue_cookie"]),
        path=f"/fr/partnerships/{demo.partnership.key}/edit/",
        fields=[["name", "Brasschaat – Tarija"]],
    )
    from events.models import Registration, RegistrationStatus

    nadia = User.objects.get(email=NADIA)
    Registration.objects.create(
        event=demo.event, user=nadia, status=RegistrationStatus.CONFIRMED, language="fr"
    )
    # A project that asks Brasschaat to join (its answer page), and Brasschaat's logo.
    demo.extra["asked"] = ProjectParty.objects.create(
        project=Project.objects.get(key="jettetarijaeau"), organisation=demo.brasschaat
    )
    demo.brasschaat.logo.save("brasschaat.png", ContentFile(_PNG), save=True)
    # The signed convention's PDF, rendered as the worker would.
    if demo.job is not None and demo.job.state != "done":
        job_run(demo.job.pk)
        demo.job.refresh_from_db()
    # An address to confirm (a new one of Pieter's) and a password to reset (Nadia's).
    address = EmailAddress.objects.create(
        user=pieter, email="pieter.janssens@brasschaat.demo", verified=False
    )
    from allauth.account.models import EmailConfirmationHMAC

    demo.extra["confirmation_key"] = EmailConfirmationHMAC(address).key
    demo.extra["reset"] = (user_pk_to_url_str(nadia), default_token_generator.make_token(nadia))
    demo.extra["expires"] = timezone.now() + timedelta(days=1)
    # A change Jette's coordinator suggests to the charter's first clause (its decision buttons).
    from conventions import services as convention_services

    clause = demo.charter.clauses.filter(removed_at__isnull=True).order_by("position").first()
    demo.extra["suggestion"] = convention_services.suggestion_open(
        actor=User.objects.get(email=AICHA),
        clause=clause,
        language="fr",
        heading="",
        body="Les parties se rencontrent au moins deux fois par an.",
        reason="Une rencontre par an ne suffit pas.",
    )


_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8ffff3f0005fe02fea7d3a0b50000000049454e44ae426082"
)


def _admin_object(route: Route):
    """The first object of the model of an admin route (admin:<app>_<model>_<view>)."""
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if route.name.startswith(prefix) or (
            not route.name and f"/{model._meta.app_label}/{model._meta.model_name}/" in route.template
        ):
            return model._default_manager.order_by("pk").first()
    return None


def member_of(slug: str) -> str:
    from partners.demo.members import MEMBERSHIPS

    return next(email for email, rows in MEMBERSHIPS.items() if any(row[0] == slug for row in rows))


def _fillers(d: Demo) -> dict:
    """Route name → [(parameters, member)]."""
    bt, p, conv, ch = d.partnership.key, d.project.key, d.convention.key, d.charter.key
    clause = d.charter.clauses.order_by("position").first() if hasattr(d.charter, "clauses") else None
    ev = d.event.slug
    dialogue = "dialogue-conventions-en-quatre-langues"  # the coming one, Brasschaat and Tarija's
    line = d.project.funding_lines.first()
    site = d.project.sites.first()
    link = d.project.sdg_links.first()
    return {
        "partners:organisation_detail": [({"slug": "brasschaat"}, PIETER)],
        "partners:organisation_edit": [({"slug": "brasschaat"}, PIETER)],
        "partners:organisation_logo": [({"slug": "brasschaat"}, PIETER)],
        "partners:organisation_verify": [({"slug": "brasschaat"}, PIETER)],
        "partners:member_invite": [({"slug": "brasschaat"}, PIETER)],
        "partners:member_role": [({"slug": "brasschaat", "pk": d.membership.pk}, PIETER)],
        "partners:member_edit": [({"slug": "brasschaat", "pk": d.membership.pk}, PIETER)],
        "partners:member_end": [({"slug": "brasschaat", "pk": d.membership.pk}, PIETER)],
        "partners:invitation_cancel": [({"slug": "brasschaat", "pk": d.extra["invitation"].pk}, PIETER)],
        "partners:invitation_accept": [({"token": d.extra["invitation"].token}, NADIA)],
        "partners:partnership_detail": [({"key": bt}, PIETER)],
        "partners:partnership_history": [({"key": bt}, PIETER)],
        "partners:partnership_edit": [({"key": bt}, PIETER)],
        "partners:partnership_status": [({"key": bt}, PIETER)],
        "partners:party_invite": [({"key": bt}, PIETER)],
        "partners:party_respond": [({"key": bt, "slug": "brasschaat"}, PIETER)],
        "partners:party_edit": [({"key": bt, "slug": "brasschaat"}, PIETER)],
        "partners:party_leave": [({"key": bt, "slug": "brasschaat"}, PIETER)],
        "partners:exchange_create": [({"key": bt}, PIETER)],
        "partners:exchange_edit": [({"key": bt, "exchange_key": d.exchange.key}, PIETER)],
        "partners:checkin_open": [({"key": bt}, PIETER)],
        "partners:checkin_answer": [
            (
                {"key": bt, "number": d.round.number, "slug": d.unanswered.organisation.slug},
                member_of(d.unanswered.organisation.slug),
            )
        ],
        "partners:narrative_edit": [
            ({"key": bt, "year": timezone.localdate().year, "slug": "brasschaat"}, PIETER)
        ],
        "projects:partnership_goals_edit": [({"key": bt}, PIETER)],
        "projects:call_detail": [({"key": d.call.key}, EMILIE)],
        "projects:call_review": [({"key": d.call.key}, EMILIE)],
        "projects:call_edit": [({"key": d.call.key}, EMILIE)],
        "projects:submission_decide": [({"key": d.call.key, "submission_key": d.submission.key}, EMILIE)],
        "projects:project_detail": [({"key": p}, PIETER)],
        "projects:project_documents": [({"key": p}, PIETER)],
        "projects:document_download": [({"key": p, "document_key": d.extra["document"].key}, PIETER)],
        "projects:project_edit": [({"key": p}, PIETER)],
        "projects:project_funding": [({"key": p}, PIETER)],
        "projects:funding_delete": [({"key": p, "line_key": line.key}, PIETER)],
        "projects:project_history": [({"key": p}, PIETER)],
        "projects:project_parties": [({"key": p}, PIETER)],
        "projects:party_answer": [({"key": d.extra["asked"].project.key, "slug": "brasschaat"}, PIETER)],
        "projects:party_edit": [({"key": p, "slug": "brasschaat"}, PIETER)],
        "projects:party_withdraw": [({"key": p, "slug": "brasschaat"}, PIETER)],
        "projects:project_sdgs": [({"key": p}, PIETER)],
        "projects:sdg_link_delete": [({"key": p, "link_key": link.key}, PIETER)],
        "projects:project_sites": [({"key": p}, PIETER)],
        "projects:site_delete": [({"key": p, "site_key": site.key}, PIETER)],
        "projects:project_transition": [({"key": p}, PIETER)],
        "projects:project_submit": [({"key": p}, PIETER)],
        "projects:goal_detail": [({"number": 6}, PIETER)],
        "conventions:document_detail": [({"key": conv}, PIETER), ({"key": ch}, AICHA)],
        "conventions:clause_comments": [({"key": ch, "clause_key": d.thread.clause.key}, AICHA)],
        "conventions:clause_confirm": [({"key": ch, "clause_key": clause.key, "language": "nl"}, AICHA)],
        "conventions:clause_edit": [({"key": ch, "clause_key": clause.key, "language": "fr"}, AICHA)],
        "conventions:clause_move": [({"key": ch, "clause_key": clause.key}, AICHA)],
        "conventions:clause_remove": [({"key": ch, "clause_key": clause.key}, AICHA)],
        "conventions:clause_restore": [({"key": ch, "clause_key": clause.key}, AICHA)],
        "conventions:clause_add": [({"key": ch}, AICHA)],
        "conventions:version_diff": [({"key": conv}, PIETER)],
        "conventions:version_packet": [({"key": conv, "number": 1}, PIETER)],
        "conventions:version_packet_odt": [({"key": conv, "number": 1, "language": "nl"}, PIETER)],
        "conventions:document_align": [({"key": conv}, PIETER), ({"key": ch}, AICHA)],
        "conventions:version_propose": [({"key": ch}, AICHA)],
        "conventions:document_public": [({"key": conv}, PIETER)],
        "conventions:document_public_pdf": [({"key": conv}, PIETER)],
        "conventions:document_publish": [({"key": conv}, PIETER)],
        "conventions:document_settings": [({"key": ch}, AICHA)],
        "conventions:thread_reply": [({"key": ch, "thread_key": d.thread.key}, AICHA)],
        "conventions:thread_resolve": [({"key": ch, "thread_key": d.thread.key}, AICHA)],
        "conventions:suggestion_accept": [({"key": ch, "suggestion_key": d.extra["suggestion"].key}, AICHA)],
        "conventions:suggestion_reject": [({"key": ch, "suggestion_key": d.extra["suggestion"].key}, AICHA)],
        "conventions:suggestion_withdraw": [
            ({"key": ch, "suggestion_key": d.extra["suggestion"].key}, AICHA)
        ],
        "conventions:version_detail": [({"key": conv, "number": 1}, PIETER)],
        "conventions:version_approve": [({"key": conv, "number": 1}, PIETER)],
        "conventions:version_sign": [({"key": conv, "number": 1}, PIETER)],
        "conventions:document_create": [({"partnership_key": bt}, PIETER)],
        "conventions:document_create_for_project": [({"project_key": p}, PIETER)],
        "pdf:job_detail": [({"key": d.job.key}, PIETER)],
        "pdf:job_download": [({"key": d.job.key}, PIETER)],
        "pdf:job_progress": [({"key": d.job.key}, PIETER)],
        "pdf:job_retry": [({"key": d.job.key}, PIETER)],
        "events:event_detail": [({"slug": ev}, AICHA), ({"slug": dialogue}, PIETER)],
        "events:attendee_csv": [({"slug": dialogue}, PIETER)],
        "events:attendee_list": [({"slug": dialogue}, PIETER)],
        "events:booklet_request": [({"slug": ev}, AICHA)],
        "events:event_calendar": [({"slug": dialogue}, PIETER)],
        "events:registration_cancel": [({"slug": dialogue}, PIETER)],
        "events:event_edit": [({"slug": dialogue}, PIETER)],
        "events:event_cancel": [({"slug": dialogue}, PIETER)],
        "events:event_recommendations": [({"slug": ev}, AICHA)],
        "events:recommendation_create": [({"slug": ev}, AICHA)],
        "events:section_create": [({"slug": ev}, AICHA)],
        "events:event_register": [({"slug": dialogue}, PIETER)],
        "events:workshop_edit": [({"slug": ev, "key": d.workshop.key}, AICHA)],
        "events:workshop_join": [({"slug": ev, "key": d.workshop.key}, AICHA)],
        "events:workshop_leave": [({"slug": ev, "key": d.workshop.key}, AICHA)],
        "events:workshop_create": [({"slug": ev}, AICHA)],
        "events:recommendation_detail": [({"key": d.recommendation.key}, AICHA)],
        "events:recommendation_edit": [({"key": d.recommendation.key}, AICHA)],
        "events:recommendation_endorse": [({"key": d.recommendation.key}, AICHA)],
        "events:recommendation_follow_up": [({"key": d.recommendation.key}, AICHA)],
        "events:recommendation_withdraw": [({"key": d.recommendation.key}, AICHA)],
        "admin:view_on_site": [
            ({"content_type_id": d.content_type.pk, "object_id": d.partnership.pk}, STAFF)
        ],
        "admin:auth_user_password_change": [({"id": d.staff.pk}, STAFF)],
        "rescued": [({"key": d.extra["rescued"].key}, PIETER)],
        "notification_open": [({"key": d.extra["notification"].key}, PIETER)],
        "unsubscribe": [({"token": d.extra["unsubscribe"]}, PIETER)],
        "undo": [({"key": "sweepundo"}, PIETER)],
        "sitemap": [({"section": "organisations"}, PIETER), ({"section": "pages"}, PIETER)],
        "opendata:personal_calendar": [({"token": d.extra["calendar"]}, PIETER)],
        "opendata:iati_organisation_activities": [({"slug": "brasschaat"}, PIETER)],
        "api:organisation-detail": [({"slug": "brasschaat"}, PIETER)],
        "api:partnership-detail": [({"key": bt}, PIETER)],
        "api:project-detail": [({"key": p}, PIETER)],
        "api:call-detail": [({"key": d.call.key}, PIETER)],
        "api:event-detail": [({"slug": ev}, PIETER)],
        "api:recommendation-detail": [({"key": d.recommendation.key}, PIETER)],
        "api:convention-detail": [({"key": conv}, PIETER)],
        "api:goal-detail": [({"number": 6}, PIETER)],  # POST-only: a GET is refused before the key
        "account_confirm_email": [({"key": d.extra["confirmation_key"]}, PIETER)],
        "account_reset_password_from_key": [
            ({"uidb36": d.extra["reset"][0], "key": d.extra["reset"][1]}, NADIA)
        ],
    }


def addresses(demo: Demo, all_routes) -> tuple[list[Address], list[str]]:
    """Every route filled with demo objects; and the routes it could not fill (failures)."""
    fillers = _fillers(demo)
    found, missing = [], []
    for route in all_routes:
        if route.template.endswith("(?P<url>.*)$") or route.template.endswith("<url>"):
            continue  # the admin's catch-all: a 404 for anything else
        if not route.parameters:
            found.append(Address(route, fill(route, {}), MEMBERS.get(route.name, PIETER)))
        elif route.name in fillers:
            found.extend(
                Address(route, fill(route, values), member) for values, member in fillers[route.name]
            )
        elif route.parameters == ("app_label",):
            labels = re.search(r"\(\?P<app_label>([^)]*)\)", route.regex).group(1).split("|")
            found.extend(Address(route, fill(route, {"app_label": label}), STAFF) for label in labels)
        elif route.parameters == ("object_id",) and (obj := _admin_object(route)) is not None:
            found.append(Address(route, fill(route, {"object_id": obj.pk}), STAFF))
        else:
            missing.append(
                f"{route.name or route.template}: no demo object for {', '.join(route.parameters)}"
            )
    return found, missing
