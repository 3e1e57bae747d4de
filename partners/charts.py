"""Server-rendered SVG charts (the numbers are always in a table beside them)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

COLOURS = ["#0b5c8a", "#b3261e", "#1e6b34", "#8a5300", "#5b3f8c", "#2f4f4f"]
DASHES = ["", "6 4", "2 3", "8 3 2 3", "1 4", "10 2"]


def checkin_chart(completed_rounds, parties, width=420, height=220) -> str:
    """Each party's average rating (1–5) per completed round, one line per party; the legend
    below the drawing is HTML, so that long names wrap instead of overlapping, each line's
    full name is also its tooltip (``<title>``), and the numbers are in the table beside."""
    left, right, top, bottom = 32, 14, 14, 34
    n = len(completed_rounds)
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i):
        return left + (plot_w * (i / (n - 1)) if n > 1 else plot_w / 2)

    def y(value):
        return top + plot_h * (5 - value) / 4

    # Built before the f-string: makemessages does not look inside f-strings.
    title = _("Average rating of each party, per check-in round")
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="checkin-chart-title" '
        'xmlns="http://www.w3.org/2000/svg" class="chart">',
        f'<title id="checkin-chart-title">{escape(title)}</title>',
    ]
    for v in range(1, 6):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#cfd6df" stroke-width="1"/>'
            f'<text x="{left - 8}" y="{y(v) + 5:.1f}" text-anchor="end" font-size="16" fill="#4f5a6b">{v}</text>'
        )
    # Beyond a few rounds, their numbers alone: "Round 10" side by side would overlap.
    short = n > 4
    for i, item in enumerate(completed_rounds):
        number = item["round"].number
        label = str(number) if short else _("Round %(number)s") % {"number": number}
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 22}" text-anchor="middle" font-size="16" fill="#4f5a6b">'
            f"{escape(label)}</text>"
        )
    legend = []
    for p_index, party in enumerate(parties):
        colour = COLOURS[p_index % len(COLOURS)]
        dash = DASHES[p_index % len(DASHES)]
        name = escape(party.organisation.name)
        points = []
        for i, item in enumerate(completed_rounds):
            answer = next((a for a in item["answers"] if a.party_id == party.pk), None)
            if answer:
                scores = answer.scores()
                points.append((x(i), y(sum(scores) / len(scores))))
        if not points:
            continue
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        parts.append(
            f'<g><title>{name}</title><polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3" '
            f'stroke-dasharray="{dash}"/>'
        )
        for px, py in points:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
        parts.append("</g>")
        legend.append(
            '<li><svg viewBox="0 0 28 8" width="28" height="8" aria-hidden="true" focusable="false" '
            f'xmlns="http://www.w3.org/2000/svg"><line x1="0" x2="28" y1="4" y2="4" stroke="{colour}" '
            f'stroke-width="3" stroke-dasharray="{dash}"/></svg> {name}</li>'
        )
    parts.append("</svg>")
    if legend:
        label = escape(_("Legend"))  # outside the f-string: xgettext does not look inside one
        parts.append(f'<ul class="chart-legend" aria-label="{label}">{"".join(legend)}</ul>')
    return mark_safe("".join(parts))  # every text is escaped above
