from django import forms
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 20 * 1024 * 1024


class VerifyForm(forms.Form):
    document = forms.FileField(
        label=_("PDF document"),
        help_text=_("A PDF issued by Soliris, at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        head = upload.read(1024)
        if b"%PDF-" not in head:
            raise forms.ValidationError(_("This file is not a PDF document."))
        upload.seek(0)
        return upload.read()
