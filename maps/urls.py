"""The map, under /<lang>/map/."""

app_name = "maps"

urlpatterns = []
