from django.urls import path

from soliris.pdf import views

app_name = "pdf"

urlpatterns = [
    path("documents/<str:key>/", views.job_detail, name="job_detail"),
    path("documents/<str:key>/progress/", views.job_progress, name="job_progress"),
    path("documents/<str:key>/download/", views.job_download, name="job_download"),
    path("documents/<str:key>/retry/", views.job_retry_view, name="job_retry"),
    path("verify/", views.verify, name="verify"),
]
