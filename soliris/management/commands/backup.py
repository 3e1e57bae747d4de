from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from soliris import backup


class Command(BaseCommand):
    help = "Back up the database, the media files and the signing key into one archive."

    def add_arguments(self, parser):
        parser.add_argument("destination", nargs="?", default="backups", help="a folder or a .tar.gz path")

    def handle(self, *args, destination, **options):
        try:
            path = backup.create(Path(destination))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written: {path} (it holds the signing key: keep it safe)")
