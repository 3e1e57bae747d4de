from django.db import migrations
from django.db.models import Exists, OuterRef, Q


def fill(apps, schema_editor):
    Partnership = apps.get_model("partners", "Partnership")
    PartnershipParty = apps.get_model("partners", "PartnershipParty")
    accepted = PartnershipParty.objects.filter(partnership=OuterRef("pk"), status="accepted")
    hidden = accepted.filter(Q(organisation__verified_at__isnull=True) | ~Q(organisation__visibility="public"))
    Partnership.objects.filter(visibility="public").filter(Exists(accepted)).exclude(Exists(hidden)).update(
        is_listed=True
    )


class Migration(migrations.Migration):
    dependencies = [("partners", "0004_partnership_is_listed")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
