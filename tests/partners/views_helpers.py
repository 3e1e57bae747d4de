"""Helpers of the view tests: English URLs (so that the messages read in English) and the page
a POST lands on."""

from django.urls import reverse
from django.utils import translation


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(f"partners:{name}", kwargs=kwargs)


def landed(response):
    """The page a followed POST ends on, as text."""
    assert response.redirect_chain, "the POST did not redirect"
    assert response.status_code == 200
    return response.content.decode()
