"""Concurrent edits: one exception, one update helper, one way to show both texts.

Every form that two people can save carries the version it was opened on. The service
writes with :func:`update_versioned` (or checks a locked row with :func:`check_version`);
a mismatch raises :class:`EditConflict` holding what was saved meanwhile. The view calls
:func:`form_after_conflict`, which gives the form back on the user's own text and on the
current version, and renders ``partials/conflict.html`` beside it: both texts are on the
page, and saving again keeps the user's.
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Someone else saved this while you were editing. Their version is shown beside the form; "
    "your text is kept in the form. Save again to replace theirs with yours, or merge the two."
)


class EditConflict(Exception):
    """Someone saved the object since the form was opened.

    ``current`` is the object as saved meanwhile (``None`` when it was removed);
    ``fields`` names the fields the conflict screen shows of it; ``version`` is the
    version the form must carry to save again.
    """

    def __init__(self, current, *, fields=(), version_field: str = "version"):
        super().__init__("edit conflict")
        self.current = current
        self.fields = tuple(fields)
        self.version_field = version_field

    @property
    def version(self) -> int:
        return getattr(self.current, self.version_field, 0) if self.current is not None else 0

    def rows(self) -> list[tuple[str, object]]:
        """(label, value saved meanwhile) of each field shown on the conflict screen."""
        if self.current is None:
            return []
        rows = []
        for name in self.fields:
            try:
                label = self.current._meta.get_field(name).verbose_name
            except Exception:  # a property or an annotation: its name is its label
                label = name.replace("_", " ")
            value = getattr(self.current, name, "")
            display = getattr(self.current, f"get_{name}_display", None)
            rows.append((str(label).capitalize(), display() if callable(display) else value))
        return rows


def update_versioned(model, pk, *, expected_version: int, values: dict, fields=(), version_field="version"):
    """``UPDATE … SET values, version = version + 1 WHERE pk AND version = expected``.

    Raises :class:`EditConflict` (with the row as saved now) when the version moved on.
    Returns the number of rows written (1).
    """
    updated = model._default_manager.filter(pk=pk, **{version_field: expected_version}).update(
        **values, **{version_field: F(version_field) + 1}
    )
    if not updated:
        raise EditConflict(
            model._default_manager.filter(pk=pk).first(), fields=fields, version_field=version_field
        )
    return updated


def check_version(current, expected_version: int, *, fields=(), version_field="version") -> None:
    """For a row already locked (``select_for_update``): raise when its version moved on."""
    if getattr(current, version_field) != expected_version:
        raise EditConflict(current, fields=fields, version_field=version_field)


def form_after_conflict(form_class, request, conflict: EditConflict, *, version_field="version", **kwargs):
    """The form again, bound to what the user posted but carrying the version saved meanwhile,
    with the conflict message on top: their text is kept, and saving again replaces the other."""
    data = request.POST.copy()
    prefix = kwargs.get("prefix")
    data[f"{prefix}-{version_field}" if prefix else version_field] = str(conflict.version)
    form = form_class(data, request.FILES or None, **kwargs)
    form.is_valid()
    form.add_error(None, CONFLICT_MESSAGE)
    return form
