"""What the answers to a call ask of it, against its budget (the call's answers page)."""

from decimal import Decimal

from projects.models import Call


def call_budget_summary(call: Call, submissions) -> dict:
    """What the answers ask of the call against its budget: on each submission its
    ``budget_share`` (% of the budget), and the totals (``requested``, ``share``, ``over``, the
    answers that ``unstated`` no amount). ``submissions``: a list, read once."""
    budget = call.budget
    requested = Decimal(0)
    unstated = 0
    for submission in submissions:
        amount = submission.requested_amount
        if amount is None:
            unstated += 1
            submission.budget_share = None
            continue
        requested += amount
        submission.budget_share = (amount * 100 / budget) if budget else None
    share = (requested * 100 / budget) if budget else None
    return {
        "budget": budget,
        "currency": call.currency,
        "requested": requested,
        "share": share,
        "bar": min(share, Decimal(100)) if share is not None else None,
        "over": (requested - budget) if budget is not None and requested > budget else None,
        "left": (budget - requested) if budget is not None and requested <= budget else None,
        "unstated": unstated,
    }
