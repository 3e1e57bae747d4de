"""What came back in a review packet (``conventions.packets``): each comment or changed text
applied once, by its fingerprint, however often the file is uploaded again."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conventions.models.documents import CommentThread, Document


class PacketNote(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    # sha256 of (version, language, clause, kind, the text with its spaces collapsed).
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    thread = models.ForeignKey(CommentThread, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note from a review packet")
        verbose_name_plural = _("notes from review packets")
        constraints = [
            models.UniqueConstraint(fields=["document", "fingerprint"], name="conventions_packet_note_once")
        ]

    def __str__(self):
        return self.fingerprint
