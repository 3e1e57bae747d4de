from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Ties allauth to the user's stored language."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = form.cleaned_data.get("preferred_language") or translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        user.full_name = form.cleaned_data.get("full_name", "") or user.full_name
        if commit:
            user.save()
        return user

    def login(self, request, user):
        super().login(request, user)
        # Applied to this response's cookie by PreferredLanguageMiddleware, and to the redirect.
        request.soliris_language = user.preferred_language
        translation.activate(user.preferred_language)

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        language = getattr(request, "soliris_language", None)
        return translate_url(url, language) if language else url
