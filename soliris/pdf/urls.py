from django.urls import path

from soliris.pdf import views

app_name = "pdf"

urlpatterns = [
    path("documents/<key:key>/", views.job_detail, name="job_detail"),
    path("documents/<key:key>/progress/", views.job_progress, name="job_progress"),
    path("documents/<key:key>/download/", views.job_download, name="job_download"),
    path("documents/<key:key>/retry/", views.job_retry_view, name="job_retry"),
    path("verify/", views.verify, name="verify"),
    path("verify/certificate/", views.certificate_page, name="certificate"),
    path("verify/soliris-signing-certificate.pem", views.certificate_pem, name="certificate_pem"),
    path("verify/soliris-signing-certificate.der", views.certificate_der, name="certificate_der"),
    path("verify/soliris-certification-authority.pem", views.authority_pem, name="authority_pem"),
    path("verify/soliris-certification-authority.der", views.authority_der, name="authority_der"),
]
