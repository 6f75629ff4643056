"""Property-based API checks with schemathesis against the app's own OpenAPI document:
no 5xx for any generated request, and every answer conforms to the documented schema.

The contract lets programs add fields, so the schema allows extra properties; but a name
close to a known field is refused as a misspelling ("did you mean country?"), because a
misspelt red-flag field must never quietly become "not asked". JSON Schema cannot say
"close to", so a schema-valid request refused for that reason alone is not a failure."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

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
    response = case.call(headers=LOOPBACK)
    if _refused_only_as_misspelt(response):
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
    else:
        case.validate_response(response)


def _refused_only_as_misspelt(response: Any) -> bool:
    if response.status_code != 422:
        return False
    errors = response.json().get("errors") or []
    return bool(errors) and all("did you mean" in error["message"] for error in errors)
