"""The API's rate per client address (settings: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"])."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class ApiRateThrottle(AnonRateThrottle):
    """One rate per client address, read from the settings at each request (so that a change
    of ``REST_FRAMEWORK`` — a test's ``override_settings`` — applies at once)."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
