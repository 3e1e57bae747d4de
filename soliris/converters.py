"""URL converters: a forged address is a 404 before any query, never a 500."""

from django.urls import register_converter


class KeyConverter:
    """A public random key (``soliris.keys``): lower-case letters and digits, at most 24 (and
    hyphens, which keys written by hand — the demo's, in databases seeded before — carry).

    A NUL byte, a thousand characters or any other character never reaches the database
    (where a NUL in a query is an error, not a miss)."""

    regex = "[a-z0-9-]{1,24}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class TokenConverter(KeyConverter):
    """An invitation token (``secrets.token_urlsafe``)."""

    regex = "[A-Za-z0-9_-]{16,64}"


register_converter(KeyConverter, "key")
register_converter(TokenConverter, "token")
