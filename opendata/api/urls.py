"""The public read API, /api/v1/ (not under a language prefix: ?lang= chooses one)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from opendata.api import views

app_name = "api"

router = SimpleRouter(trailing_slash=True)
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("partnerships", views.PartnershipViewSet, basename="partnership")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("calls", views.CallViewSet, basename="call")
router.register("events", views.EventViewSet, basename="event")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")
router.register("conventions", views.ConventionViewSet, basename="convention")
router.register("sdgs", views.GoalViewSet, basename="goal")

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
    re_path(r"^.*$", views.not_found, name="not_found"),
]
