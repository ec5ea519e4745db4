"""Clients on the session's store: read-only, and one with a token on a store of its own."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():  # starlette's TestClient warns about httpx; the client works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from tests.apistore import built_store_url

TOKEN = "test-token-5f1e"


@pytest.fixture(scope="session")
def store() -> Any:
    from sitrep.store import open_store

    return open_store(built_store_url())


@pytest.fixture(scope="session")
def client(store: Any) -> Iterator[TestClient]:
    from sitrep.server import create_app

    with TestClient(create_app(store), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture()
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A client with the token, on an empty store of its own (writes do not touch the session store)."""
    from sitrep.server import create_app
    from sitrep.store import open_store

    path = tmp_path / "store.db"
    app = create_app(open_store(f"sqlite:///{path}"), token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the error envelope with this status (and code)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}, body
    if code is not None:
        assert body["error"]["code"] == code, body
    return dict(body["error"])


def all_pages(client: Any, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following its `next` links from ``url``."""
    items: list[dict[str, Any]] = []
    while url:
        body = client.get(url).json()
        items += body["items"]
        url = body["next"]
    return items
