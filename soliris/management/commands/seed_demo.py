import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from partners.models import Organisation
from soliris import demo
from soliris.models import OutboxKind, OutboxMessage, OutboxState

# Each app's ``demo.seed(log, context)`` runs in this order and may read what earlier ones
# put in ``context`` (users, organisations, partnerships...). Every seed is idempotent.
DEMO_APPS = ["partners", "projects", "conventions", "events"]


class Command(BaseCommand):
    help = "Load the demo data drawn from the seed documents (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already has organisations."
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("Demo data: the database already has data, nothing loaded.")
            return

        def log(message):
            self.stdout.write(f"  {message}")

        self.stdout.write("Loading the demo data:")
        with transaction.atomic():
            before = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            context = {"users": demo.seed(log)}
            for app in DEMO_APPS:
                try:
                    module = importlib.import_module(f"{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app}.demo":
                        raise
                    continue
                module.seed(log, context)
            # The demo's story (invitations, signatures...) mails nobody: its people are
            # fictional. Its tasks (the signed PDFs to render) are queued as any.
            OutboxMessage.objects.filter(pk__gt=before, kind=OutboxKind.MAIL).update(
                state=OutboxState.DELIVERED, last_error="demo data: not sent"
            )
        for callback in context.get("after_commit", []):
            callback()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
