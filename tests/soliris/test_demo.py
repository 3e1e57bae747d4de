import pytest
from django.core.management import call_command

from partners.models import Organisation
from soliris.models import User

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates(client):
    call_command("seed_demo")
    counts = (Organisation.objects.count(), User.objects.count())
    call_command("seed_demo")
    assert (Organisation.objects.count(), User.objects.count()) == counts
    names = set(Organisation.objects.values_list("name", flat=True))
    for expected in (
        "Commune de Jette",
        "Ville de Bruxelles",
        "Commune d'Etterbeek",
        "ITECO",
        "Periferia",
        "STADD",
    ):
        assert expected in names
    assert client.login(email="coordination@jette.demo", password="soliris-demo")


def test_seed_demo_if_empty_leaves_existing_data_alone():
    Organisation.objects.create(name="Déjà là", slug="deja-la", kind="ngo", country="BE")
    call_command("seed_demo", "--if-empty")
    assert Organisation.objects.count() == 1
