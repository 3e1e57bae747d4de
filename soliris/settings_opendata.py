"""Settings of the open data (opendata/, README "Open data"), imported by soliris.settings."""

from soliris.env import env_str

# The licence the registry's public data is published under, chosen by the administrators:
# (short name, address of its text).
SOLIRIS_DATA_LICENCE = (
    env_str("SOLIRIS_DATA_LICENCE_NAME", "CC BY 4.0"),
    env_str("SOLIRIS_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
)
# The public read API: read only, anonymous, one rate per client address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["opendata.api.throttling.ApiRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("SOLIRIS_API_RATE", "600/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Soliris public API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "PartnershipStatusEnum": "partners.models.PartnershipStatus",
        "ProjectStatusEnum": "projects.models.ProjectStatus",
        "RecommendationStatusEnum": "events.models.RecommendationStatus",
    },
    "DESCRIPTION": (
        "The public data of the Soliris registry, read only and without an account: exactly what "
        "its public pages show. Each text in every language with its state; ?lang= picks one."
    ),
}
# Any site's scripts may read the API (GET only); nothing else crosses origins.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Link")
# IATI (opendata/iati/): the platform reports every activity as a secondary reporter, under
# the identifier IATI assigns it when it registers as a publisher (README, "IATI").
SOLIRIS_IATI_REPORTING_ORG_REF = env_str("SOLIRIS_IATI_REPORTING_ORG_REF", "XI-IATI-SOLIRIS")
SOLIRIS_IATI_REPORTING_ORG_TYPE = env_str("SOLIRIS_IATI_REPORTING_ORG_TYPE", "90")  # 90: Other
SOLIRIS_IATI_REPORTING_ORG_NAME = env_str("SOLIRIS_IATI_REPORTING_ORG_NAME", "Soliris")
