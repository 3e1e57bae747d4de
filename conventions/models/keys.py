"""Each signing organisation's key pair and the certificate the platform's certification
authority issued it (``soliris.pdf.authority``), made the first time it signs a PDF.

The private key is kept encrypted at rest: its PKCS#8 PEM is encrypted with a passphrase
derived from the platform's key secret and this row's own ``key`` (``authority.key_passphrase``),
so a copy of the database alone signs nothing. The worker decrypts it to sign, nowhere else.

A new certificate is issued when the name it must carry changes (an organisation renamed,
or becoming publicly named): older PDFs keep the certificate they embed, still chained to
the authority. An organisation bringing its own certificate (a Belgian eID, a national CA)
would sign the PDF locally and upload it, or upload a PKCS#12 stored here with its chain —
left for later (README, "The platform's signature").
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation


class PartyKey(models.Model):
    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    subject_name = models.CharField(_("name in the certificate"), max_length=200)
    identifier = models.CharField(_("identifier in the certificate"), max_length=80)
    serial = models.CharField(_("serial number"), max_length=40)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, unique=True)
    certificate_pem = models.TextField(_("certificate (PEM)"))
    private_key_pem = models.TextField(_("encrypted private key (PEM)"))
    created_at = models.DateTimeField(_("created on"), default=timezone.now)

    class Meta:
        verbose_name = _("signing key of a party")
        verbose_name_plural = _("signing keys of the parties")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.subject_name} ({self.serial})"
