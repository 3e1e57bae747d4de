"""The kernel's undo (``soliris.undo``): an offer for a registered kind only, kept a short while,
taken back once, by POST only, and never a 500 for a late, used or unknown key."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import timezone

from soliris import undo
from soliris.models import UndoOffer

pytestmark = pytest.mark.django_db

CALLS = []


def _restore(*, actor, data):
    CALLS.append(data)
    return "/fr/"


undo.register("tests.thing", _restore)


def test_an_offer_is_only_for_a_kind_that_can_be_restored(make_user):
    with pytest.raises(ImproperlyConfigured):
        undo.offer(actor=make_user(), kind="tests.nothing", data={}, next_url="/fr/")
    with pytest.raises(ImproperlyConfigured):
        undo.register("tests.thing", lambda **kwargs: "/")


def test_an_offer_is_taken_back_once_within_its_time(make_user):
    user = make_user()
    offer = undo.offer(actor=user, kind="tests.thing", data={"id": 7}, next_url="/fr/")
    assert offer.expires_at - offer.created_at == undo.KEPT_FOR
    assert undo.take_back(actor=user, key=offer.key) == "/fr/"
    assert CALLS[-1] == {"id": 7}
    with pytest.raises(ValidationError) as used:
        undo.take_back(actor=user, key=offer.key)
    assert used.value.code == "undo_used"


def test_a_late_offer_is_refused_and_long_gone_ones_are_forgotten(make_user):
    user = make_user()
    late = undo.offer(actor=user, kind="tests.thing", data={}, next_url="/fr/")
    UndoOffer.objects.filter(pk=late.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError) as refused:
        undo.take_back(actor=user, key=late.key)
    assert refused.value.code == "undo_expired"
    UndoOffer.objects.filter(pk=late.pk).update(expires_at=timezone.now() - 3 * undo.KEPT_FOR)
    undo.offer(actor=user, kind="tests.thing", data={}, next_url="/fr/")
    assert not UndoOffer.objects.filter(pk=late.pk).exists()


def test_beat_forgets_long_gone_offers_when_nobody_removes_anything_else(make_user, settings):
    from soliris import tasks

    user = make_user()
    gone = undo.offer(actor=user, kind="tests.thing", data={"kept": "text"}, next_url="/fr/")
    late = undo.offer(actor=user, kind="tests.thing", data={}, next_url="/fr/")
    UndoOffer.objects.filter(pk=gone.pk).update(expires_at=timezone.now() - 2 * undo.KEPT_FOR)
    UndoOffer.objects.filter(pk=late.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert tasks.undo_sweep() == 1
    assert list(UndoOffer.objects.values_list("pk", flat=True)) == [late.pk]  # still told it is late
    assert "soliris.tasks.undo_sweep" in {job["task"] for job in settings.CELERY_BEAT_SCHEDULE.values()}


def test_the_undo_address_answers_post_only_and_404_for_an_unknown_key(client, make_user):
    offer = undo.offer(actor=None, kind="tests.thing", data={}, next_url="/fr/")
    assert client.post(f"/fr/undo/{offer.key}/").status_code == 302  # to the log-in
    client.force_login(make_user())
    assert client.get(f"/fr/undo/{offer.key}/").status_code == 405
    assert client.post("/fr/undo/nosuchkey/").status_code == 404
    response = client.post(f"/fr/undo/{offer.key}/", follow=True)
    assert response.status_code == 200
    assert "Suppression annulée" in response.content.decode()


def test_the_message_tags_carry_the_key_for_the_undo_button(make_user):
    offer = undo.offer(actor=make_user(), kind="tests.thing", data={}, next_url="/fr/")
    assert undo.key_from_tags(undo.message_tags(offer)) == offer.key
    assert undo.key_from_tags("") is None and undo.key_from_tags("undo") is None
