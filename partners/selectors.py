from partners.models import Organisation, Visibility


def public_organisations():
    """Organisations anyone may see: verified by the platform and published as public."""
    return Organisation.objects.filter(visibility=Visibility.PUBLIC, verified_at__isnull=False)


def home_context() -> dict:
    return {"stats": public_directory_stats()}


def public_directory_stats() -> dict:
    organisations = public_organisations()
    return {
        "organisations": organisations.count(),
        "countries": organisations.values("country").distinct().count(),
    }
