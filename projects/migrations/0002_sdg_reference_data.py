from django.db import migrations


def load_sdgs(apps, schema_editor):
    from projects.reference import sync

    sync(apps.get_model("projects", "Goal"), apps.get_model("projects", "Target"), historical=True)


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(load_sdgs, migrations.RunPython.noop)]
