from decouple import config, Csv
import dj_database_url

SECRET_KEY = config('SECRET_KEY')
DEBUG = config('DEBUG', default=False, cast=bool)
ALLOWED_HOSTS = config('ALLOWED_HOSTS', cast=Csv())
DATABASES = {'default': dj_database_url.parse(config('DATABASE_URL'), conn_max_age=600, ssl_require=not DEBUG)}
EMAIL_PORT = config('EMAIL_PORT', default=25, cast=int)
