"""A removal asks first: the remove button posts, and the page answers with what will be removed
and a second button that posts the same fields again with ``confirmed``. Works without
JavaScript; the first post changes nothing."""

from django.shortcuts import render

from soliris.undo import KEPT_FOR

CONFIRMED = "confirmed"
_NOT_CARRIED = ("csrfmiddlewaretoken", CONFIRMED)


def confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get(CONFIRMED) == "1"


def ask(request, *, title: str, details=(), action: str, cancel_url: str, undo: bool = False):
    """The confirmation page of a removal, unless ``request`` already confirmed it (then None).

    ``title`` asks the question ("Remove the site Lyon?"), ``details`` say what goes with it,
    ``action`` is the button's label; ``undo`` says the removal can be undone for a while."""
    if confirmed(request):
        return None
    carried = [
        (name, value) for name, values in request.POST.lists() if name not in _NOT_CARRIED for value in values
    ]
    return render(
        request,
        "soliris/confirm.html",
        {
            "title": title,
            "details": [d for d in details if d],
            "action": action,
            "action_url": request.path,
            "cancel_url": cancel_url,
            "carried": carried,
            "undo": int(KEPT_FOR.total_seconds() // 60) if undo else 0,
        },
    )
