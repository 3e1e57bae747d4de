from celery import shared_task


@shared_task(acks_late=True)
def render_signed_version(version_id: int) -> str:
    """Thin: load the signed version and call the PDF hook (idempotent, safe to retry)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import translation

    from conventions import services
    from conventions.models import Version

    # A worker lives long: never trust content type ids cached before a database reset.
    ContentType.objects.clear_cache()
    version = Version.objects.select_related("document").filter(pk=version_id).first()
    if version is None:
        return "missing"
    language = (version.snapshot.get("authentic_languages") or ["fr"])[0]
    with translation.override(language):
        services.version_render_pdf(version)
    return "requested"
