from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from soliris import backup


class Command(BaseCommand):
    help = "Restore an archive made by `manage.py backup` over the database, media and signing key."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, archive, yes, **options):
        if not yes and input(f"Replace the database and files with {archive}? [y/N] ").strip().lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            manifest = backup.restore(Path(archive))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} "
            f"(signing certificate {manifest['signing_fingerprint'][:16]}…)."
        )
