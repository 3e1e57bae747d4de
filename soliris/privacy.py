"""Each person in charge of their own data: see it, take it away, erase the account.

**Export** (:func:`personal_data`): every row of the platform's apps that points at the
person — found through the model registry, so that a new model is covered without writing
anything — plus their profile and email addresses; secrets (password, second-factor keys)
never.

**Erase** (:func:`account_erase`): what other parties rely on stays — signatures,
approvals, comments, clause texts, answers, history — attributed to "a former member"
(``User.get_full_name``) with their organisation; a signed version keeps the name it was
signed with, because that name is part of what every party agreed. What may go goes, in one
transaction: name, email addresses, password, second factors, notifications, pending invitations, future
event registrations and the needs given with past ones; memberships end (their history is
kept). Each app adds its part in ``<app>/privacy.py`` (``erase(user)``), found by name.
"""

import datetime
import decimal
import importlib
import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from soliris import audit
from soliris.keys import new_key
from soliris.models import Notification

PROJECT_APPS = ("soliris", "partners", "projects", "conventions", "events")
# Never exported: secrets, and the records of other people's sessions.
NEVER = {"password", "data", "secret", "token", "key_hash"}
_PLAIN = (str, int, float, bool, list, dict, datetime.date, datetime.datetime, decimal.Decimal, type(None))

audit.register("soliris.user.erased", gettext_lazy("erased their account"))


def _row(instance) -> dict:
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in NEVER:
            continue
        value = getattr(instance, field.name)
        if isinstance(field, models.ForeignKey):
            value = str(value) if value is not None else None
        elif not isinstance(value, _PLAIN):  # a country, a file, a money amount: as read
            value = str(value)
        values[field.name] = value
    return values


def _pointing_at_user():
    """(model, field name) of every foreign key of the project's apps to the user model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or model is user_model:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.remote_field.model is user_model:
                yield model, field.name


def personal_data(user) -> dict:
    records: dict[str, list] = {}
    for model, field in _pointing_at_user():
        rows = [_row(row) for row in model._default_manager.filter(**{field: user})[:10_000]]
        if rows:
            records.setdefault(f"{model._meta.label} ({field})", []).extend(rows)
    return {
        "exported_at": timezone.now(),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "second_factors": [
            {"type": a.type, "created_at": a.created_at} for a in Authenticator.objects.filter(user=user)
        ],
        "records": records,
    }


def personal_data_json(user) -> str:
    return json.dumps(personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def account_erase(*, user) -> None:
    """Erase ``user``'s account (they asked, after re-authenticating): see the module's docstring."""
    with transaction.atomic():
        user = apps.get_model(settings.AUTH_USER_MODEL).objects.select_for_update().get(pk=user.pk)
        for app in PROJECT_APPS:
            try:
                module = importlib.import_module(f"{app}.privacy")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.privacy":
                    raise
                continue
            if module.__name__ != __name__:
                module.erase(user)
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        Notification.objects.filter(user=user).delete()  # what was said to them, about others too
        user.email = f"erased-{new_key(16)}@erased.invalid"
        user.full_name = ""
        user.is_active = False
        user.is_staff = user.is_superuser = False
        user.erased_at = timezone.now()
        user.set_unusable_password()  # also ends every session the account still had
        user.save()
        audit.record("soliris.user.erased", actor=None, subject=user)
