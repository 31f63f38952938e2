import environ

env = environ.Env(
    # set casting, default value
    DEBUG=(bool, False)
)
environ.Env.read_env()

DEBUG = env('DEBUG')
SECRET_KEY = env.str('SECRET_KEY')
DATABASES = {
    'default': env.db(),
    'extra': env.db_url('SQLITE_URL', default='sqlite:////tmp/my-tmp-sqlite.db'),
}
CACHES = {'default': env.cache()}
ALLOWED_HOSTS = env.list('ALLOWED_HOSTS', default=['localhost'])
