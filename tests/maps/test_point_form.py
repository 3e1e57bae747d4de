import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _form_data(client, url):
    """What the edit form posts as it stands (the organisation's current values)."""
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value in (None, ""):
            continue
        data[name] = (
            [str(v.pk if hasattr(v, "pk") else v) for v in value]
            if isinstance(value, list | tuple)
            else value
        )
    data["version"] = form.initial["version"]
    data["themes"] = []
    return data


def test_a_coordinator_finds_the_place_without_javascript_and_saves_its_point(client, cast, login):
    login(cast.user("party_coordinator"))
    url = reverse("partners:organisation_edit", args=[cast.jette.slug])
    data = _form_data(client, url)
    data.update({"place_q": "saint-josse", "place_q__search": "1"})
    searched = client.post(url, data)
    html = searched.content.decode()
    assert searched.status_code == 200
    assert "Saint-Josse-ten-Noode" in html and 'value="2787387"' in html
    assert 'class="error"' not in html  # a search step, not a failed submission
    data.pop("place_q__search")
    data["place"] = "2787387"
    saved = client.post(url, data)
    assert saved.status_code == 302
    cast.jette.refresh_from_db()
    assert (cast.jette.latitude, cast.jette.longitude, cast.jette.precision) == (50.8538, 4.37282, "locality")


def test_typed_coordinates_are_checked_and_kept(client, cast, login):
    login(cast.user("party_coordinator"))
    url = reverse("partners:organisation_edit", args=[cast.jette.slug])
    data = _form_data(client, url)
    data.update({"latitude": "95", "longitude": "4.3"})
    assert client.post(url, data).status_code == 200  # out of range: the form again
    data.update({"latitude": "50.87", "longitude": ""})
    response = client.post(url, data)
    assert "Indiquez la latitude et la longitude, ou aucune des deux." in response.content.decode()
    data.update({"latitude": "50.87", "longitude": "4.33", "precision": "region"})
    assert client.post(url, data).status_code == 302
    cast.jette.refresh_from_db()
    assert (cast.jette.latitude, cast.jette.longitude, cast.jette.precision) == (50.87, 4.33, "region")
    placed = client.get(reverse("maps:geojson")).json()
    jette = next(f for f in placed["features"] if f["properties"].get("slug") == cast.jette.slug)
    assert jette["geometry"]["coordinates"] == [4.33, 50.87]


def test_a_project_site_gets_its_point_from_the_gazetteer(client, cast, login, project):
    login(cast.user("party_coordinator"))
    url = reverse("projects:project_sites", args=[project.key])
    data = {
        "country": "BO",
        "locality": "Cochabamba",
        "change": "Les sources protégées.",
        "place_q": "cochabamba",
    }
    searched = client.post(url, {**data, "place_q__search": "1"})
    html = searched.content.decode()
    assert searched.status_code == 200 and 'class="error"' not in html
    chosen = re.search(r'name="place" value="(\d+)"', html).group(1)
    assert client.post(url, {**data, "place": chosen}).status_code == 302
    site = project.sites.get(locality="Cochabamba")
    assert site.precision == "locality" and round(site.latitude) == -17 and round(site.longitude) == -66
    assert site.change == "Les sources protégées."  # what was typed is kept through the search step
