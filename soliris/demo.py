"""Demo accounts. Every demo password is DEMO_PASSWORD; never load this in production."""

from allauth.account.models import EmailAddress

from soliris.models import User

DEMO_PASSWORD = "soliris-demo"  # noqa: S105

# email, full name, preferred language, is platform staff
USERS = [
    ("staff@soliris.demo", "Équipe Soliris", "fr", True),
    ("coordination@jette.demo", "Aïcha Benali", "fr", False),
    ("solidarite@bruxelles.demo", "Emilie De Becker", "fr", False),
    ("internationaal@brasschaat.demo", "Pieter Janssens", "nl", False),
    ("cooperacion@tarija.demo", "María Fernanda Flores", "es", False),
    ("internationaal@herent.demo", "Lotte Peeters", "nl", False),
    ("comunidad@nimlahakok.demo", "Juan Caal", "es", False),
    ("contact@xylm.demo", "Camille Le Gall", "fr", False),
    ("contact@stadd.demo", "Kossi Agbeko", "fr", False),
    ("contact@iteco.demo", "Nadia Mertens", "fr", False),
    ("contact@diasporas-bruxelles.demo", "Aminata Diallo", "fr", False),
]


def seed(log) -> dict[str, User]:
    users = {}
    for email, full_name, language, is_staff in USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "preferred_language": language,
                "is_staff": is_staff,
                "is_superuser": is_staff,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[email] = user
    log(f"{len(users)} demo accounts (password: {DEMO_PASSWORD})")
    return users
