import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

REFERENCE_APPS = ["soliris", "partners", "projects", "conventions", "events"]


class Command(BaseCommand):
    help = (
        "Load or update the reference data shipped with the code (themes, charter templates...). "
        "Idempotent; the SDGs come with the projects app's migrations."
    )

    def handle(self, *args, **options):
        for app in REFERENCE_APPS:
            try:
                module = importlib.import_module(f"{app}.reference")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.reference":
                    raise
                continue
            with transaction.atomic():
                summary = module.load()
            self.stdout.write(f"Reference data of {app}: {summary}")
