"""The REST API (FastAPI): routes over the store, one error envelope, the dashboard's static files."""

from sitrep.server.app import create_app

__all__ = ["create_app"]
