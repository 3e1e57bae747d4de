"""Pages are served gzip-compressed to clients that accept it, padded against BREACH."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_a_page_is_compressed_when_the_client_accepts_it_and_plain_otherwise(client, cast):
    plain = client.get("/fr/organisations/")
    assert plain.status_code == 200 and "Content-Encoding" not in plain
    compressed = client.get("/fr/organisations/", headers={"accept-encoding": "gzip, deflate, br"})
    assert compressed["Content-Encoding"] == "gzip" and "Accept-Encoding" in compressed["Vary"]
    body = gzip.decompress(compressed.content).decode()
    assert "Commune de Jette" in body
    # The header carries up to 100 random bytes of padding (below): the body is measured without.
    padding = compressed.content.index(b"\0", 10) - 10
    assert len(compressed.content) - padding < len(plain.content) / 3


def test_each_compressed_page_is_padded_with_random_bytes_against_breach(client, cast):
    """Django pads each gzip response with up to 100 random bytes (in the gzip header's file
    name field) and masks the CSRF token anew in each: an attacker who echoes guesses into a
    page cannot read the token off the compressed size."""
    answers = [
        client.get("/fr/organisations/", headers={"accept-encoding": "gzip"}).content for _ in range(10)
    ]
    FNAME = 0x08
    assert all(answer[3] & FNAME for answer in answers)  # the padding is there, in each
    names = {answer[10 : answer.index(b"\0", 10)] for answer in answers}
    assert len(names) > 1  # and random
