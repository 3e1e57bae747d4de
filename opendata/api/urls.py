"""The public read API, /api/v1/ (not under a language prefix: ?lang= chooses one)."""

urlpatterns = []
