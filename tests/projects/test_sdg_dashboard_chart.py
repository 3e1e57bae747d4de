"""The SDG dashboard's bars: each label in full (it was cut at 28 characters), bars drawn to
their share of the longest, one per row of the table beside."""

import re

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation


def test_the_dashboard_shows_every_label_in_full_with_a_bar_each(client):
    call_command("seed_demo")
    for language in ("fr", "nl", "es"):
        with translation.override(language):
            url = reverse("projects:sdg_dashboard")
        page = client.get(url).content.decode()
        labels = re.findall(r'<span class="bar-label">([^<]+)</span>', page)
        assert labels and not any(label.endswith("…") for label in labels)
        assert any(len(label) > 28 for label in labels), labels  # the old chart cut these
        widths = [float(w) for w in re.findall(r'<rect x="0" y="0" height="10" width="([0-9.]+)"', page)]
        assert len(widths) == len(labels) and max(widths) == 100 and all(0 <= w <= 100 for w in widths)
        table_rows = re.findall(r'<tr><th scope="row">', page)
        assert len(table_rows) == len(labels)
