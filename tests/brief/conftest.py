from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from tests.apistore import built_store_url


@pytest.fixture(scope="module")
def store() -> Any:
    from sitrep.store import open_store

    return open_store(built_store_url())


@pytest.fixture(scope="module")
def client(store: Any) -> Iterator[TestClient]:
    from sitrep.server import create_app

    with TestClient(create_app(store), raise_server_exceptions=False) as test_client:
        yield test_client
