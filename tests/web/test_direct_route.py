"""DirectRoute: endpoints that answer requests themselves, and the ones it refuses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import pytest
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, Response
from fastapi.testclient import TestClient

from crampcheck.web.direct_route import DirectRoute


def _app(router: APIRouter) -> FastAPI:
    app = FastAPI()
    app.include_router(router, prefix="/api")

    @app.exception_handler(HTTPException)
    async def as_teapot(_request: Request, error: HTTPException) -> Response:
        return Response(f"handled {error.status_code}", status_code=418)

    return app


def test_the_endpoint_reads_the_request_and_answers_it() -> None:
    router = APIRouter(route_class=DirectRoute)

    @router.post("/echo", summary="Echo the body")
    async def echo(request: Request) -> Response:
        body = await request.body()
        if not body:
            raise HTTPException(400)
        return Response(body[::-1], media_type="text/plain")

    client = TestClient(_app(router))
    assert client.post("/api/echo", content=b"abc").text == "cba"
    # The app's exception handlers still see what the endpoint raises.
    refused = client.post("/api/echo", content=b"")
    assert (refused.status_code, refused.text) == (418, "handled 400")
    assert client.get("/api/echo").status_code == 405
    assert "/api/echo" in client.get("/openapi.json").json()["paths"]


async def _knowledge() -> str:
    return "knowledge"


def _with_query(router: APIRouter) -> None:
    @router.get("/q")
    async def with_query(request: Request, q: str) -> Response:
        return Response(q)


def _with_dependency(router: APIRouter) -> None:
    @router.get("/d")
    async def with_dependency(
        request: Request, known: Annotated[str, Depends(_knowledge)]
    ) -> Response:
        return Response(known)


def _without_request(router: APIRouter) -> None:
    @router.get("/n")
    async def without_request() -> Response:
        return Response("")


def _not_async(router: APIRouter) -> None:
    @router.get("/s")
    def not_async(request: Request) -> Response:
        return Response("")


@pytest.mark.parametrize("define", [_with_query, _with_dependency, _without_request, _not_async])
def test_an_endpoint_that_needs_fastapi_s_handler_is_refused(
    define: Callable[[APIRouter], None],
) -> None:
    router = APIRouter(route_class=DirectRoute)
    with pytest.raises(TypeError, match="DirectRoute endpoint"):
        define(router)


def test_a_dependency_of_an_including_router_is_refused() -> None:
    router = APIRouter(route_class=DirectRoute)

    @router.get("/plain")
    async def plain(request: Request) -> Response:
        return Response("plain")

    app = FastAPI()
    with pytest.raises(TypeError, match="DirectRoute endpoint"):
        app.include_router(router, dependencies=[Depends(_knowledge)])
        TestClient(app).get("/plain")
