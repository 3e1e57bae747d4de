from django.urls import path

from conventions import views

app_name = "conventions"

C = "conventions/<key:key>/"

urlpatterns = [
    path("conventions/", views.document_list, name="document_list"),
    path("conventions/new/<key:partnership_key>/", views.document_create, name="document_create"),
    path(
        "conventions/new/project/<key:project_key>/",
        views.document_create_for_project,
        name="document_create_for_project",
    ),
    path(C, views.document_detail, name="document_detail"),
    path(C + "settings/", views.document_settings, name="document_settings"),
    path(C + "align/", views.document_align, name="document_align"),
    path(C + "public/", views.document_public, name="document_public"),
    path(C + "public/signed.pdf", views.document_public_pdf, name="document_public_pdf"),
    path(C + "publish/", views.document_publish, name="document_publish"),
    path(C + "clauses/add/", views.clause_add, name="clause_add"),
    path(C + "clauses/<key:clause_key>/edit/<str:language>/", views.clause_edit, name="clause_edit"),
    path(C + "clauses/<key:clause_key>/confirm/<str:language>/", views.clause_confirm, name="clause_confirm"),
    path(C + "clauses/<key:clause_key>/move/", views.clause_move, name="clause_move"),
    path(C + "clauses/<key:clause_key>/remove/", views.clause_remove, name="clause_remove"),
    path(C + "clauses/<key:clause_key>/restore/", views.clause_restore, name="clause_restore"),
    path(C + "clauses/<key:clause_key>/comments/", views.clause_comments, name="clause_comments"),
    path(C + "threads/<key:thread_key>/reply/", views.thread_reply, name="thread_reply"),
    path(C + "threads/<key:thread_key>/resolve/", views.thread_resolve, name="thread_resolve"),
    path(C + "suggestions/<key:suggestion_key>/accept/", views.suggestion_accept, name="suggestion_accept"),
    path(C + "suggestions/<key:suggestion_key>/reject/", views.suggestion_reject, name="suggestion_reject"),
    path(
        C + "suggestions/<key:suggestion_key>/withdraw/",
        views.suggestion_withdraw,
        name="suggestion_withdraw",
    ),
    path(C + "propose/", views.version_propose, name="version_propose"),
    path(C + "compare/", views.version_diff, name="version_diff"),
    path(C + "versions/<int:number>/", views.version_detail, name="version_detail"),
    path(C + "versions/<int:number>/approval/", views.version_approve, name="version_approve"),
    path(C + "versions/<int:number>/sign/", views.version_sign, name="version_sign"),
    path(C + "versions/<int:number>/packet/", views.version_packet, name="version_packet"),
    path(
        C + "versions/<int:number>/packet/<str:language>.odt",
        views.version_packet_odt,
        name="version_packet_odt",
    ),
]
