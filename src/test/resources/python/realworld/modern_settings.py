from __future__ import annotations

import os
from pathlib import Path
from typing import Any

BASE_DIR: Path = Path(__file__).resolve().parent.parent
DEBUG: bool = os.environ.get("DEBUG", "") == "1"
APP_NAME = "shop"
REDIS_URL = f"redis://{os.environ.get('REDIS_HOST', 'localhost')}:6379/0"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
LOGGING: dict[str, Any] = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING" if not DEBUG else "DEBUG"},
}

if "DATABASE_URL" in os.environ:
    import dj_database_url

    DATABASES = {"default": dj_database_url.config(conn_max_age=600, conn_health_checks=True)}
elif os.environ.get("CI") is not None:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": APP_NAME,
        }
    }

CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in os.environ.get("HOSTS", "").split(",") if host]


def show_toolbar(request) -> bool:
    return DEBUG and request.META.get("REMOTE_ADDR") in ("127.0.0.1",)


class Features:
    """Feature flags."""

    search: bool = True


with open(BASE_DIR / "VERSION") as version_file:
    VERSION = version_file.read().strip()
print("loaded", APP_NAME, sep=": ")
