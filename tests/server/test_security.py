"""The write token: constant-time check, 401 without it, read-only without a server token."""

from __future__ import annotations

import pytest

from sitrep.server.errors import ApiError
from sitrep.server.security import CSP, check_token


def test_right_token_passes() -> None:
    check_token("s3cret", "Bearer s3cret")
    check_token("s3cret", "bearer s3cret")


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer wrong", "Basic s3cret", "s3cret", "Bearer s3cre",
                                    "Bearer s3cret2"])
def test_wrong_or_missing_token_is_401(header: str | None) -> None:
    with pytest.raises(ApiError) as caught:
        check_token("s3cret", header)
    assert (caught.value.status, caught.value.code) == (401, "unauthorized")
    assert "s3cret" not in caught.value.message + caught.value.hint


def test_server_without_token_is_read_only() -> None:
    with pytest.raises(ApiError) as caught:
        check_token(None, "Bearer anything")
    assert (caught.value.status, caught.value.code) == (401, "read_only")


def test_csp_allows_no_inline_script_and_no_other_origin() -> None:
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert "script-src 'self'" in CSP and "connect-src 'self'" in CSP and "default-src 'none'" in CSP
