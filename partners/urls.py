from django.urls import path

from partners.views import (
    checkins,
    directory,
    exchanges,
    members,
    narratives,
    organisations,
    parties,
    partnerships,
)

app_name = "partners"

urlpatterns = [
    # Organisations
    path("organisations/", directory.organisation_list, name="organisation_list"),
    path("organisations/export.csv", directory.organisation_export_csv, name="organisation_export_csv"),
    path("organisations/export.json", directory.organisation_export_json, name="organisation_export_json"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/verification/", organisations.verification_queue, name="verification_queue"),
    path("organisations/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", organisations.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/logo/", organisations.organisation_logo, name="organisation_logo"),
    path("organisations/<slug:slug>/verify/", organisations.organisation_verify, name="organisation_verify"),
    path("organisations/<slug:slug>/members/invite/", members.member_invite, name="member_invite"),
    path("organisations/<slug:slug>/members/<int:pk>/role/", members.member_role, name="member_role"),
    path("organisations/<slug:slug>/members/<int:pk>/edit/", members.member_edit, name="member_edit"),
    path("organisations/<slug:slug>/members/<int:pk>/end/", members.member_end, name="member_end"),
    path(
        "organisations/<slug:slug>/invitations/<int:pk>/cancel/",
        members.invitation_cancel,
        name="invitation_cancel",
    ),
    path("invitations/<token:token>/", members.invitation_accept, name="invitation_accept"),
    # Partnerships
    path("partnerships/", directory.partnership_list, name="partnership_list"),
    path("partnerships/export.csv", directory.partnership_export_csv, name="partnership_export_csv"),
    path("partnerships/export.json", directory.partnership_export_json, name="partnership_export_json"),
    path("partnerships/new/", partnerships.partnership_create, name="partnership_create"),
    path("partnerships/<key:key>/", partnerships.partnership_detail, name="partnership_detail"),
    path("partnerships/<key:key>/history/", partnerships.partnership_history, name="partnership_history"),
    path("partnerships/<key:key>/edit/", partnerships.partnership_edit, name="partnership_edit"),
    path("partnerships/<key:key>/status/", partnerships.partnership_status, name="partnership_status"),
    path("partnerships/<key:key>/invite/", parties.party_invite, name="party_invite"),
    path(
        "partnerships/<key:key>/parties/<slug:slug>/respond/",
        parties.party_respond,
        name="party_respond",
    ),
    path("partnerships/<key:key>/parties/<slug:slug>/edit/", parties.party_edit, name="party_edit"),
    path("partnerships/<key:key>/parties/<slug:slug>/leave/", parties.party_leave, name="party_leave"),
    path("partnerships/<key:key>/exchanges/new/", exchanges.exchange_create, name="exchange_create"),
    path(
        "partnerships/<key:key>/exchanges/<key:exchange_key>/edit/",
        exchanges.exchange_edit,
        name="exchange_edit",
    ),
    path("partnerships/<key:key>/check-ins/open/", checkins.checkin_open, name="checkin_open"),
    path(
        "partnerships/<key:key>/check-ins/<int:number>/<slug:slug>/",
        checkins.checkin_answer,
        name="checkin_answer",
    ),
    path(
        "partnerships/<key:key>/narratives/<int:year>/<slug:slug>/",
        narratives.narrative_edit,
        name="narrative_edit",
    ),
]
