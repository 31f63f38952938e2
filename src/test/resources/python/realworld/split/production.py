from .base import *  # noqa: F401,F403
from ..common import (
    helpers,
    logging_config as log_config,
)
import os

DEBUG = False
INSTALLED_APPS += [
    'storages',
    'anymail',
]
MIDDLEWARE.insert(1, 'whitenoise.middleware.WhiteNoiseMiddleware')
ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '').split(',')
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

try:
    from .local import *
except ImportError:
    pass
