"""Reads for the platform's own pages (home, dashboard)."""

from partners.selectors import public_directory_stats


def home_context() -> dict:
    return {"stats": public_directory_stats()}


def dashboard_context(user) -> dict:
    return {}
