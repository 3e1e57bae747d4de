"""Fixtures of the kernel's tests: see tests/conftest.py for the shared ones."""
