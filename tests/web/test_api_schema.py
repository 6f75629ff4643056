"""Property-based API checks with schemathesis against the app's own OpenAPI document:
no 5xx for any generated request, and every answer conforms to the documented schema."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from crampcheck.config import Settings
from crampcheck.web import create_app

# The API needs no database; the URL is never opened (migrate=False).
app = create_app(Settings(database_url="sqlite://"), migrate=False)
# The personal server answers only to a loopback Host (tests/security/test_host.py).
LOOPBACK = {"host": "127.0.0.1"}
schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers=LOOPBACK)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: Any) -> None:
    case.call_and_validate(headers=LOOPBACK)
