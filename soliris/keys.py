"""Random public keys for the addresses of shared objects.

Addresses never carry database ids: a key says nothing about how many objects exist and
cannot be guessed to reach a private one.
"""

import secrets

from django.db import models

ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: keys are read aloud too


def new_key(length: int = 10) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class KeyField(models.CharField):
    """A unique random key, set on creation: ``key = KeyField()``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("unique", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", new_key)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key, value in (("max_length", 16), ("unique", True), ("editable", False), ("default", new_key)):
            if kwargs.get(key) == value:
                del kwargs[key]
        return name, path, args, kwargs
