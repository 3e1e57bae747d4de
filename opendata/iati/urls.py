"""IATI 2.03 exports, under /<lang>/open-data/iati/."""

urlpatterns = []
