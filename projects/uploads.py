"""What a project accepts as a document: its types, its size, and a check of its content."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024
# extension: (content type, magic bytes at the start of the file or None)
ALLOWED_DOCUMENTS = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".png": ("image/png", (b"\x89PNG",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    ".txt": ("text/plain", None),
    ".csv": ("text/csv", None),
}


def validate_document(upload) -> str:
    """The content type of an acceptable upload, or a ValidationError saying what is wrong."""
    extension = Path(upload.name or "").suffix.lower()
    if extension not in ALLOWED_DOCUMENTS:
        raise ValidationError(
            _("This type of file is not accepted. Accepted: %(types)s.")
            % {"types": ", ".join(sorted(e.lstrip(".") for e in ALLOWED_DOCUMENTS))}
        )
    if upload.size > MAX_DOCUMENT_SIZE:
        raise ValidationError(_("The file is larger than 10 MB."))
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    content_type, magic = ALLOWED_DOCUMENTS[extension]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if magic and not any(head.startswith(m) for m in magic):
        raise ValidationError(_("The file's content does not match its type (%(ext)s).") % {"ext": extension})
    if magic is None and b"\x00" in head:
        raise ValidationError(_("The file's content does not match its type (%(ext)s).") % {"ext": extension})
    return content_type
