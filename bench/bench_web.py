"""Throughput and latency of the web server: assessments against the health check.

Starts the real server (`crampcheck serve`) on a free loopback port, then drives it at 32
concurrent connections: GET /healthz and POST /api/v1/assessments (a mix of vignette inputs)
take turns in a few rounds, each endpoint for the same total time. The load generator is wrk
(Debian package `wrk`) when it is installed, otherwise a raw asyncio client here (which needs
more CPU per request, so it reports lower figures on a two-core machine). Prints requests/s
and p50/p99 latency for each, the ratio of assessment to health throughput (reported, with
no target: an assessment does far more than a health check) and the weight of a result page
(HTML + CSS + JS). Target (issue #16): assessment p99 ≤ 50 ms on one worker.

Run: PYTHONPATH=src python bench/bench_web.py [--workers N] [--seconds S] [--rounds R]
     [--client wrk|python]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = ROOT.parent / "shared" / "eval" / "dev-vignettes.json"
CONCURRENCY = 32
FALLBACK_INPUT = {"age": 67, "sex": "male", "cramps": {"muscles": ["calf"], "when": ["night"]}}
# Answers for the interview that produces the result page that is weighed (vignette V039).
INTERVIEW = {
    "age": "67",
    "sex": "male",
    "muscles": ["foot", "calf"],
    "side": "both",
    "when": ["night"],
    "per_week": "2",
    "typical_minutes": "2",
    "longest_minutes": "2",
    "relieved_by_stretching": "yes",
    "wakes_from_sleep": "yes",
    "severity": "5",
    "weeks_since_onset": "52",
    "exercise": "light",
    "exercise_recently_increased": "no",
    "alcohol": "2",
    "caffeine": "2",
    "fluids": "1.5",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def server(workers: int) -> Iterator[str]:
    """`crampcheck serve` on a free loopback port with a temporary database."""
    port = free_port()
    with tempfile.TemporaryDirectory() as data:
        command = [
            sys.executable,
            "-m",
            "crampcheck",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--db",
            f"sqlite:///{data}/bench.db",
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start")
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(10)


def inputs() -> list[bytes]:
    if VIGNETTES.exists():
        entries = json.loads(VIGNETTES.read_text(encoding="utf-8"))
        return [json.dumps(entry["input"]).encode() for entry in entries]
    return [json.dumps(FALLBACK_INPUT).encode()]


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    """Send one HTTP/1.1 request on a kept-alive connection; the status of the answer."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    await reader.readexactly(int(length.group(1)) if length else 0)
    return status


async def load(port: int, requests: list[bytes], seconds: float) -> tuple[float, list[float]]:
    """Requests/s and latencies (s) from CONCURRENCY kept-alive connections sending
    `requests` in turn. A raw asyncio client: an HTTP library's own cost would otherwise
    limit the figures more than the server does."""
    latencies: list[float] = []
    failures = 0
    stop = time.perf_counter() + seconds

    async def connection(number: int) -> None:
        nonlocal failures
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        count = number
        try:
            while time.perf_counter() < stop:
                began = time.perf_counter()
                status = await _exchange(reader, writer, requests[count % len(requests)])
                latencies.append(time.perf_counter() - began)
                failures += status != 200
                count += CONCURRENCY
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(connection(number) for number in range(CONCURRENCY)))
    elapsed = time.perf_counter() - began
    if failures:
        raise RuntimeError(f"{failures} requests failed")
    return len(latencies) / elapsed, latencies


WRK_SCRIPT = """
local bodies = {%s}
local requests = {}
if #bodies > 0 then wrk.method = "POST" end
function init(args)
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format(wrk.method, wrk.path, wrk.headers, body)
  end
end
local count = 0
function request()
  if #requests == 0 then return wrk.format() end
  count = count + 1
  return requests[(count %% #requests) + 1]
end
"""


def load_with_wrk(url: str, bodies: list[bytes], seconds: float) -> tuple[float, float, float]:
    """Requests/s, p50 and p99 latency (s) from wrk; POSTs cycling through `bodies` if any."""
    quoted = ", ".join(f"[==[{body.decode()}]==]" for body in bodies)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % quoted)
    command = ["wrk", "-t1", f"-c{CONCURRENCY}", f"-d{max(1, round(seconds))}s", "--latency",
               "-s", script.name]  # fmt: skip
    if bodies:
        command += ["-H", "Content-Type: application/json"]
    try:
        output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(script.name)
    if re.search(r"Non-2xx or 3xx responses: *(\d+)", output):
        raise RuntimeError(f"requests failed:\n{output}")
    rate = float(re.search(r"Requests/sec: *([\d.]+)", output).group(1))  # type: ignore[union-attr]
    return rate, _wrk_latency(output, "50%"), _wrk_latency(output, "99%")


def _wrk_latency(output: str, share: str) -> float:
    value, unit = re.search(rf"{share} +([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[unit]


def measure(
    client: str, url: str, port: int, path: str, posted: list[bytes], seconds: float
) -> tuple[float, float, float]:
    """Requests/s, p50 and p99 latency (s) of one endpoint for `seconds`."""
    if client == "wrk":
        return load_with_wrk(url + path, posted, seconds)
    requests = [post_request(path, b) for b in posted] or [get_request(path)]
    rate, latencies = asyncio.run(load(port, requests, seconds))
    return rate, percentile(latencies, 0.5), percentile(latencies, 0.99)


def get_request(path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()


def post_request(path: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def page_weight(url: str) -> tuple[int, int]:
    """Bytes of the V039 result page (HTML) and of its CSS and JS together."""
    with httpx.Client(base_url=url, timeout=30) as client:
        page = client.get("/assessment").text
        for _ in range(80):
            question = re.search(r'name="question" value="([^"]+)"', page)
            if question is None:
                break
            hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
            form: list[tuple[str, str]] = [*hidden, ("action", "next")]
            answer = INTERVIEW.get(question.group(1))
            if isinstance(answer, list):
                form += [("answer", value) for value in answer]
            elif answer is not None:
                form.append(("answer", answer))
            page = client.post(
                "/assessment",
                content=str(httpx.QueryParams(form)).encode(),
                headers={"content-type": "application/x-www-form-urlencoded"},
            ).text
        if "Keep this result" not in page:
            raise RuntimeError("the interview did not reach a result")
        assets = sum(
            len(client.get(path).content)
            for path in re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
        )
    return len(page.encode()), assets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    parser.add_argument("--seconds", type=float, default=8.0, help="per endpoint (default 8)")
    parser.add_argument(
        "--rounds", type=int, default=4,
        help="interleaved rounds the seconds are split into (default 4)",
    )  # fmt: skip
    parser.add_argument(
        "--client", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python",
        help="load generator (default: wrk when installed)",
    )  # fmt: skip
    options = parser.parse_args()
    bodies = inputs()
    with server(options.workers) as url:
        port = int(url.rsplit(":", 1)[1])
        endpoints: dict[str, tuple[str, list[bytes]]] = {
            "GET /healthz": ("/healthz", []),
            "POST /api/v1/assessments": ("/api/v1/assessments", bodies),
        }
        warm = [get_request("/healthz")]
        warm += [post_request("/api/v1/assessments", body) for body in bodies]
        asyncio.run(load(port, warm, 1.0))
        # The endpoints take turns, so that a slow spell of a shared machine falls on both.
        rounds: dict[str, list[tuple[float, float, float]]] = {name: [] for name in endpoints}
        share = options.seconds / options.rounds
        for _ in range(options.rounds):
            for name, (path, posted) in endpoints.items():
                rounds[name].append(measure(options.client, url, port, path, posted, share))
        figures = {}
        for name, measured in rounds.items():
            rate = statistics.fmean(r for r, _, _ in measured)
            p50 = statistics.median(p for _, p, _ in measured)
            p99 = max(p for _, _, p in measured)  # the worst round's
            figures[name] = rate
            print(
                f"{name:26} {rate:8.0f} req/s   p50 {p50 * 1000:6.1f} ms   p99 {p99 * 1000:6.1f} ms"
            )
        ratio = figures["POST /api/v1/assessments"] / figures["GET /healthz"]
        print(f"assessments / health throughput: {ratio:.0%} (reported; no target)")
        html, assets = page_weight(url)
        print(
            f"result page weight: {(html + assets) / 1024:.1f} KB "
            f"(HTML {html / 1024:.1f} KB + CSS/JS {assets / 1024:.1f} KB; limit 150 KB)"
        )
    print(
        f"server workers: {options.workers}; {CONCURRENCY} concurrent connections; "
        f"{options.rounds} interleaved rounds (p50: their median; p99: the worst); "
        f"load generator: {options.client}"
    )


if __name__ == "__main__":
    main()
