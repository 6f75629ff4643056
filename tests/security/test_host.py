"""Findings 2 and 3: DNS rebinding and `serve --host 0.0.0.0`. The personal server answers
only to a loopback Host, and refuses to listen anywhere but on the loopback interface."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crampcheck.cli.serve import is_loopback
from crampcheck.web.security import is_loopback_host
from tests.security.conftest import run


@pytest.mark.parametrize(
    "host",
    ["attacker.example", "attacker.example:8000", "127.0.0.1.nip.io", "192.168.1.5:8000",
     "localhost.attacker.example", "[::2]:8000", "", "0.0.0.0:8000"],
)  # fmt: skip
def test_a_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    for path in ("/diary/export.json", "/diary", "/healthz", "/api/v1/medications?name=x"):
        response = client.get(path, headers={"host": host})
        assert response.status_code == 400, (path, host)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["x-frame-options"] == "DENY"
        assert "episodes" not in response.text


def test_a_foreign_host_cannot_post_delete_all(client: TestClient) -> None:
    client.post("/diary/log", data={"action": "now"})  # no token: refused, nothing stored
    response = client.post(
        "/diary/delete-all", data={"confirm": "yes"}, headers={"host": "attacker.example"}
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:65535", "[::1]", "[::1]:80",
             "LOCALHOST:8000"],
)  # fmt: skip
def test_loopback_hosts_are_served(client: TestClient, host: str) -> None:
    assert is_loopback_host(host)
    assert client.get("/diary/export.json", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org", "10.0.0.1"])
def test_serve_refuses_a_non_loopback_address(host: str) -> None:
    result = run("serve", "--host", host, "--port", "0")
    assert result.exit_code == 2, result.output
    assert "not a loopback address" in result.output
    assert "no accounts" in result.output


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_addresses_are_allowed(host: str) -> None:
    assert is_loopback(host)
