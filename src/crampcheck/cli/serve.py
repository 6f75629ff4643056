"""`crampcheck serve`: the web app on this computer (http://127.0.0.1:8000 by default)."""

from __future__ import annotations

import dataclasses
import ipaddress

import click

from crampcheck.cli.common import COUNTRY_KEY, LANGUAGE_KEY, chooses_language, say
from crampcheck.config import Settings

# The standard library's event loop, not uvloop: libuv accepts one new connection per loop
# turn (libuv PR #3696), so under load a burst of new connections waits one full turn over
# every busy connection each; 32 arriving at once saw first answers after up to 200 ms, where
# asyncio's loop accepts them together (bench/bench_web.py: worst-round p99 13-24 ms instead
# of 88-126 ms; /healthz ~5% fewer requests/s, assessments about the same). HTTP parsing
# stays httptools either way.
EVENT_LOOP = "asyncio"


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Loopback address to listen on: 127.0.0.1, ::1 or localhost.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--db",
    "database_url",
    default=None,
    help="Database URL for kept results (default: CRAMPCHECK_DATABASE_URL, else SQLite in "
    "the data directory).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (more serve more assessments at once on several cores).",
)
@chooses_language
def serve_command(host: str, port: int, database_url: str | None, workers: int) -> None:
    """Start the web app: the interview, results, medicine check, myths and the JSON API.

    Answers are not stored unless you press "Keep this result". The access log is off, so
    no answers or addresses end up in logs. --language is the pages' language when the
    browser asks for none we support; --country picks the emergency numbers shown.
    """
    import os
    import secrets

    if not is_loopback(host):
        reason = say(
            "Error: --host {host} is not a loopback address. The diary has no accounts: "
            "anyone who can reach the server could read, export or delete it. Use 127.0.0.1, "
            "::1 or localhost.",
            host=host,
        )
        click.echo(reason, err=True)
        raise SystemExit(2)

    import uvicorn

    from crampcheck.files import make_private_folder
    from crampcheck.storage import create_engine_for, upgrade_database
    from crampcheck.web import create_app
    from crampcheck.web.app import freeze_startup_objects

    settings = Settings()
    if database_url:
        settings = dataclasses.replace(settings, database_url=database_url)
    if settings.uses_data_dir():
        make_private_folder(settings.data_dir, tighten=True)
    meta = click.get_current_context().meta
    if LANGUAGE_KEY in meta:
        settings = dataclasses.replace(settings, language=meta[LANGUAGE_KEY])
    if COUNTRY_KEY in meta:
        settings = dataclasses.replace(settings, country=meta[COUNTRY_KEY])
    engine = create_engine_for(settings.resolved_database_url())
    upgrade_database(engine)
    engine.dispose()
    click.echo(
        say("crampcheck: serving on {url} (Ctrl+C to stop)", url=f"http://{host}:{port}/"), err=True
    )
    options = {
        "host": host,
        "port": port,
        "access_log": False,  # request lines would carry medicine names in query strings
        "server_header": False,
        "log_level": "warning",
        "loop": EVENT_LOOP,
    }
    if workers == 1:
        app = create_app(settings, migrate=False)
        freeze_startup_objects(app)
        uvicorn.run(app, **options)  # type: ignore[arg-type]
        return
    # Worker processes build their own app from the environment; they must share the
    # database and the signing key (a form signed by one worker is checked by another).
    os.environ["CRAMPCHECK_DATABASE_URL"] = settings.resolved_database_url()
    os.environ["CRAMPCHECK_LANGUAGE"] = settings.language
    if settings.country:
        os.environ["CRAMPCHECK_COUNTRY"] = settings.country
    os.environ.setdefault("CRAMPCHECK_SECRET_KEY", settings.secret_key or secrets.token_urlsafe(32))
    uvicorn.run(
        "crampcheck.web.app:create_app_for_workers",
        factory=True,
        workers=workers,
        **options,  # type: ignore[arg-type]
    )


def is_loopback(host: str) -> bool:
    """Whether `host` is an address or name of this computer only (127.0.0.0/8, ::1,
    localhost)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
