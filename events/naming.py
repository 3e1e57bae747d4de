"""Organisations named on the app's public pages, feeds and PDFs: the publicly named ones
(``partners.visibility``) by name, the others counted, never named (no name, country,
locality or role)."""

from django.utils.translation import ngettext

from partners.visibility import split_public


def public_names(organisations) -> dict:
    """``{"names": [...], "hidden": n}``: the names the public may read, and how many others
    (plain data: the booklet hashes it). Accepts organisations or objects with one
    (endorsements)."""
    organisations = [getattr(item, "organisation", item) for item in organisations]
    shown, hidden = split_public(organisations)
    return {"names": sorted(org.name for org in shown), "hidden": hidden}


def names_text(names, hidden: int) -> str:
    """ "A, B and 2 organisations that have not made their profile public" (in the active
    language)."""
    listed = ", ".join(names)
    if not hidden:
        return listed
    if not names:
        return ngettext(
            "%(count)s organisation that has not made its profile public",
            "%(count)s organisations that have not made their profile public",
            hidden,
        ) % {"count": hidden}
    return ngettext(
        "%(names)s and %(count)s organisation that has not made its profile public",
        "%(names)s and %(count)s organisations that have not made their profile public",
        hidden,
    ) % {"names": listed, "count": hidden}


def public_names_text(organisations) -> str:
    return names_text(**public_names(organisations))


__all__ = ["names_text", "public_names", "public_names_text"]
