"""The WSGI entry point for gunicorn: `gunicorn voicecapture.wsgi:app`."""
from voicecapture import create_app

app = create_app()
