from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from soliris import mail, outbox
from soliris.models import User
from soliris.typography import typeset


@dataclass(frozen=True)
class _Site:
    """What allauth's mails call ``current_site``: the platform's name, never the host."""

    name: str
    domain: str


def on_site(url: str) -> str:
    """``url`` on ``SITE_URL``: a mail's link opens where the platform answers, whatever host
    the request that sent it came through."""
    parts = urlsplit(url)
    return settings.SITE_URL + urlunsplit(("", "", parts.path, parts.query, parts.fragment))


class AccountAdapter(DefaultAccountAdapter):
    """Ties allauth to the user's stored language, and its mails to the one mail path."""

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

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return on_site(super().get_reset_password_from_key_url(key))

    def send_mail(self, template_prefix, email, context):
        """Account mails (confirmation, password reset...) are queued in the outbox like every
        other mail (``soliris.mail``): delivered after the commit and retried, so a mail server
        that is down never turns a sign-up into an error. They are signed with the platform's
        name ("Bonjour, c'est Soliris !"), not the host the request came through, written in
        the language the person chose (their stored preference, else the page's), with its
        links in that language, typeset, with the footer and HTML part of every mail."""
        user = context.get("user")
        if user is None or getattr(user, "email", "").lower() != email.lower():
            user = User.objects.filter(email__iexact=email).first()
        language = translation.get_language()
        if user is not None and user.preferred_language in dict(settings.LANGUAGES):
            language = user.preferred_language
        context = {
            # Translated while the page's language is active: the address resolves in it.
            **{
                key: translate_url(value, language)
                if key.endswith("_url") and isinstance(value, str)
                else value
                for key, value in context.items()
            },
            "email": email,
            "current_site": _Site(name="Soliris", domain=urlsplit(settings.SITE_URL).netloc),
        }
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        subject = message.subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
        outbox.enqueue_mail(
            to=list(message.to),
            **mail.compose(
                subject=typeset(subject, language),
                body=typeset(message.body, language).strip(),
                language=language,
                footer=mail.footer(user=user, topic=None, action=False, language=language),
                headers=dict(message.extra_headers),
            ),
        )
