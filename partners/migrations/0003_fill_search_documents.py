from django.db import migrations


def fill(apps, schema_editor):
    from partners.documents import organisation_document, partnership_document

    Organisation = apps.get_model("partners", "Organisation")
    Partnership = apps.get_model("partners", "Partnership")
    for organisation in Organisation.objects.all():
        organisation.search_document = organisation_document(organisation)
        organisation.save(update_fields=["search_document"])
    for partnership in Partnership.objects.all():
        organisations = Organisation.objects.filter(
            partnership_parties__partnership=partnership, partnership_parties__status="accepted"
        )
        partnership.search_document = partnership_document(partnership, organisations)
        partnership.save(update_fields=["search_document"])


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_exchanges_checkins_invitations")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
