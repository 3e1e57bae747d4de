from django.urls import path, register_converter

from partners.views import directory, organisations, partnerships


class KeyConverter:
    """A random key (soliris.keys): letters and digits only, so no forged byte reaches SQL."""

    regex = "[a-z0-9]{4,16}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class TokenConverter(KeyConverter):
    regex = "[A-Za-z0-9_-]{16,64}"


register_converter(KeyConverter, "key")
register_converter(TokenConverter, "token")

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
    path("organisations/<slug:slug>/members/invite/", organisations.member_invite, name="member_invite"),
    path("organisations/<slug:slug>/members/<int:pk>/role/", organisations.member_role, name="member_role"),
    path("organisations/<slug:slug>/members/<int:pk>/edit/", organisations.member_edit, name="member_edit"),
    path("organisations/<slug:slug>/members/<int:pk>/end/", organisations.member_end, name="member_end"),
    path(
        "organisations/<slug:slug>/invitations/<int:pk>/cancel/",
        organisations.invitation_cancel,
        name="invitation_cancel",
    ),
    path("invitations/<token:token>/", organisations.invitation_accept, name="invitation_accept"),
    # Partnerships
    path("partnerships/", directory.partnership_list, name="partnership_list"),
    path("partnerships/export.csv", directory.partnership_export_csv, name="partnership_export_csv"),
    path("partnerships/export.json", directory.partnership_export_json, name="partnership_export_json"),
    path("partnerships/new/", partnerships.partnership_create, name="partnership_create"),
    path("partnerships/<key:key>/", partnerships.partnership_detail, name="partnership_detail"),
    path("partnerships/<key:key>/history/", partnerships.partnership_history, name="partnership_history"),
    path("partnerships/<key:key>/edit/", partnerships.partnership_edit, name="partnership_edit"),
    path("partnerships/<key:key>/status/", partnerships.partnership_status, name="partnership_status"),
    path("partnerships/<key:key>/invite/", partnerships.party_invite, name="party_invite"),
    path(
        "partnerships/<key:key>/parties/<slug:slug>/respond/",
        partnerships.party_respond,
        name="party_respond",
    ),
    path("partnerships/<key:key>/parties/<slug:slug>/edit/", partnerships.party_edit, name="party_edit"),
    path("partnerships/<key:key>/parties/<slug:slug>/leave/", partnerships.party_leave, name="party_leave"),
    path("partnerships/<key:key>/exchanges/new/", partnerships.exchange_create, name="exchange_create"),
    path(
        "partnerships/<key:key>/exchanges/<key:exchange_key>/edit/",
        partnerships.exchange_edit,
        name="exchange_edit",
    ),
    path("partnerships/<key:key>/check-ins/open/", partnerships.checkin_open, name="checkin_open"),
    path(
        "partnerships/<key:key>/check-ins/<int:number>/<slug:slug>/",
        partnerships.checkin_answer,
        name="checkin_answer",
    ),
]
