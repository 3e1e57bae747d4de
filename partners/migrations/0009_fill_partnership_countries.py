from django.db import migrations


def fill(apps, schema_editor):
    Partnership = apps.get_model("partners", "Partnership")
    PartnershipParty = apps.get_model("partners", "PartnershipParty")
    by_partnership: dict[int, set[str]] = {}
    for partnership_id, country in PartnershipParty.objects.filter(status="accepted").values_list(
        "partnership_id", "organisation__country"
    ):
        by_partnership.setdefault(partnership_id, set()).add(country)
    for partnership in Partnership.objects.filter(pk__in=list(by_partnership)):
        partnership.countries = sorted(by_partnership[partnership.pk])
        partnership.save(update_fields=["countries"])


class Migration(migrations.Migration):
    dependencies = [("partners", "0008_partnership_countries")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
