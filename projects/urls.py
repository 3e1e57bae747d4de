from django.urls import path

from projects.views import calls, documents, parts, projects, sdgs

app_name = "projects"

urlpatterns = [
    path("sdgs/", sdgs.goal_list, name="goal_list"),
    path("sdgs/dashboard/", sdgs.sdg_dashboard, name="sdg_dashboard"),
    path("sdgs/<int:number>/", sdgs.goal_detail, name="goal_detail"),
    path("projects/", projects.project_list, name="project_list"),
    path("projects/new/", projects.project_create, name="project_create"),
    path("projects/<key:key>/", projects.project_detail, name="project_detail"),
    path("projects/<key:key>/edit/", projects.project_edit, name="project_edit"),
    path("projects/<key:key>/status/", projects.project_transition, name="project_transition"),
    path("projects/<key:key>/parties/", parts.project_parties, name="project_parties"),
    path("projects/<key:key>/parties/<slug:slug>/answer/", parts.party_answer, name="party_answer"),
    path("projects/<key:key>/parties/<slug:slug>/edit/", parts.party_edit, name="party_edit"),
    path("projects/<key:key>/parties/<slug:slug>/withdraw/", parts.party_withdraw, name="party_withdraw"),
    path("projects/<key:key>/sites/", parts.project_sites, name="project_sites"),
    path("projects/<key:key>/sites/<key:site_key>/delete/", parts.site_delete, name="site_delete"),
    path("projects/<key:key>/sdgs/", parts.project_sdgs, name="project_sdgs"),
    path("projects/<key:key>/sdgs/<key:link_key>/delete/", parts.sdg_link_delete, name="sdg_link_delete"),
    path("projects/<key:key>/funding/", parts.project_funding, name="project_funding"),
    path("projects/<key:key>/funding/<key:line_key>/delete/", parts.funding_delete, name="funding_delete"),
    path("projects/<key:key>/documents/", documents.project_documents, name="project_documents"),
    path(
        "projects/<key:key>/documents/<key:document_key>/",
        documents.document_download,
        name="document_download",
    ),
    path("projects/<key:key>/history/", projects.project_history, name="project_history"),
    path("projects/<key:key>/submit/", projects.project_submit, name="project_submit"),
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_create, name="call_create"),
    path("calls/<key:key>/", calls.call_detail, name="call_detail"),
    path("calls/<key:key>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<key:key>/answers/", calls.call_review, name="call_review"),
    path(
        "calls/<key:key>/answers/<key:submission_key>/decide/",
        calls.submission_decide,
        name="submission_decide",
    ),
    path("partnerships/<key:key>/sdgs/", sdgs.partnership_goals_edit, name="partnership_goals_edit"),
]
