"""`DirectRoute`: an API route whose endpoint reads the request and builds the response itself."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import Any, cast

import fastapi.routing
from fastapi import Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute


class DirectRoute(APIRoute):
    """A route for an endpoint `async def endpoint(request: Request) -> Response` that reads
    and checks its own body and returns a finished response: nothing for FastAPI to inject,
    parse, validate or serialise.

    FastAPI's request handler (dependency solving, body and response handling, its telemetry
    hooks) does nothing for such an endpoint, yet costs 40-55 µs a request, a fifth of an
    assessment's time on the server (bench/bench_web.py, 10 runs: POST /api/v1/assessments at
    64-70 % of /healthz's requests/s instead of 55-66 %). Everything else stays: the route is an
    `APIRoute`, documented in the OpenAPI, behind the app's middleware, exception handlers
    and FastAPI's own body limit. An endpoint that would need the handler (a parameter, a
    dependency) is refused when the route is made, so nothing is silently left out.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        self._check_endpoint()
        return cast(Callable[[Request], Coroutine[Any, Any, Response]], self.endpoint)

    def _check_endpoint(self) -> None:
        needs = self._effective_dependant()
        injected = [
            *needs.path_params,
            *needs.query_params,
            *needs.header_params,
            *needs.cookie_params,
            *needs.body_params,
            *needs.dependencies,
        ]
        parameters = inspect.signature(self.endpoint).parameters
        if (
            injected
            or needs.request_param_name is None
            or len(parameters) != 1
            or not inspect.iscoroutinefunction(self.endpoint)
        ):
            raise TypeError(
                f"{self.path}: a DirectRoute endpoint is `async def endpoint(request: Request)"
                " -> Response`, with no other parameter and no dependency"
            )

    def _effective_dependant(self) -> Dependant:
        """What the endpoint needs where it is mounted: its own parameters and dependencies
        and those of the routers that include it."""
        # Recent FastAPI builds the handler once per inclusion, with the including routers'
        # dependencies in a context it keeps private; older versions copy the route instead
        # (then `self.dependant` has them all).
        context_var = getattr(fastapi.routing, "_effective_route_context_var", None)
        context = context_var.get() if context_var is not None else None
        if context is not None and getattr(context, "original_route", None) is self:
            return cast(Dependant, context.dependant)
        return self.dependant
