"""The Redis cache, tolerant of Redis being out of reach.

What the cache holds here is either recomputable (directory counts, themes) or a limit
(allauth's log-in rate limits): when Redis is down, a read finds nothing, a write is lost
and a lock is taken at once — logged, never raised — so that log-in and every page keep
working. Rate limits are then not enforced until Redis is back; the log says so.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_FAULTS = (RedisConnectionError, RedisTimeoutError, OSError)
_last_warning = 0.0


def _warn(operation: str, error: Exception) -> None:
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 30:  # once per half minute, not once per request
        _last_warning = now
        logger.warning("cache out of reach (%s): %s — going on without it", operation, error)


class TolerantRedisCache(RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except _FAULTS as error:
            _warn("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except _FAULTS as error:
            _warn("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except _FAULTS as error:
            _warn("has_key", error)
            return False

    def add(self, key, value, timeout=None, version=None):
        try:
            return super().add(key, value, timeout, version)
        except _FAULTS as error:
            # Callers use add() as a lock (allauth's rate limits): taken, so nobody waits.
            _warn("add", error)
            return True

    def set(self, key, value, timeout=None, version=None):
        try:
            return super().set(key, value, timeout, version)
        except _FAULTS as error:
            _warn("set", error)

    def set_many(self, data, timeout=None, version=None):
        try:
            return super().set_many(data, timeout, version)
        except _FAULTS as error:
            _warn("set_many", error)
            return []

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except _FAULTS as error:
            _warn("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except _FAULTS as error:
            _warn("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except _FAULTS as error:
            _warn("delete_many", error)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except _FAULTS as error:
            _warn("incr", error)
            return delta

    def clear(self):
        try:
            return super().clear()
        except _FAULTS as error:
            _warn("clear", error)
            return False
