"""Demo memberships: the seed documents' people in their organisations."""

from datetime import date

from partners.models import (
    Membership,
    Role,
)

# email: [(organisation slug, role, function)]
MEMBERSHIPS = {
    "coordination@jette.demo": [("jette", Role.COORDINATOR, "Échevine de la solidarité internationale")],
    "solidarite@bruxelles.demo": [
        ("ville-de-bruxelles", Role.COORDINATOR, "Cellule solidarité internationale")
    ],
    "internationaal@brasschaat.demo": [
        ("brasschaat", Role.COORDINATOR, "Ambtenaar internationale samenwerking")
    ],
    "cooperacion@tarija.demo": [("tarija", Role.COORDINATOR, "Responsable de cooperación")],
    "internationaal@herent.demo": [("herent", Role.COORDINATOR, "Ambtenaar internationale samenwerking")],
    "comunidad@nimlahakok.demo": [("nimlahakok", Role.COORDINATOR, "Presidente del comité comunitario")],
    "contact@xylm.demo": [
        ("xylm", Role.COORDINATOR, "Chargée de projets"),
        ("cress-bretagne", Role.EDITOR, ""),
    ],
    "contact@stadd.demo": [("stadd", Role.COORDINATOR, "Coordinateur")],
    "contact@iteco.demo": [("iteco", Role.COORDINATOR, "Formatrice")],
    # The other party of Jette's charter in progress: someone to approve and sign it with Aïcha.
    "contact@diasporas-bruxelles.demo": [("diaspora-bruxelles", Role.COORDINATOR, "Coordinatrice")],
}


def seed_memberships(log, context, organisations):
    users = context.get("users", {})
    count = 0
    for email, rows in MEMBERSHIPS.items():
        user = users.get(email)
        if user is None:
            continue
        for slug, role, function in rows:
            Membership.objects.update_or_create(
                organisation=organisations[slug],
                user=user,
                active_until=None,
                defaults={
                    "role": role,
                    "function": function,
                    "may_sign": role == Role.COORDINATOR,
                    "active_from": date(2024, 1, 1),
                    "languages": [user.preferred_language],
                },
            )
            count += 1
    log(f"{count} memberships")
