"""What gunicorn serves in the local stack: ``gunicorn infra.local.gunicorn_app:application``."""

from infra.local.wsgi import make_application

application = make_application()
