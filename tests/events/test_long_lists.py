"""The recommendations list counts no further than it pages (soliris.pagination.CappedPaginator)."""

import pytest

from soliris import pagination
from tests.events.conftest import make_recommendations

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, said",
    [("nl", "Meer dan 2 aanbevelingen: verfijn"), ("fr", "Plus de 2 recommandations\u202f: affinez")],
)
def test_past_the_cap_the_recommendations_say_more_than(client, event, monkeypatch, language, said):
    make_recommendations(event, 3)
    monkeypatch.setattr(pagination, "CAP", 2)
    response = client.get(f"/{language}/recommendations/")
    assert response.context["page"].paginator.capped and said in response.content.decode()
    monkeypatch.setattr(pagination, "CAP", 3)
    response = client.get(f"/{language}/recommendations/?q=co-construite")
    assert not response.context["page"].paginator.capped
    assert len(response.context["page"].object_list) == 3
