"""A bounded loopback load on the API: requests/s and latency of /api/control, for `frontwatch bench --api`."""

from __future__ import annotations

import datetime as dt
import http.client
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MAX_SECONDS = 60  # the load stops by itself; a caller cannot make it run for long
MAX_RATE = 2000
WORKERS = 32


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(server: subprocess.Popen, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            err = (server.stderr.read() or b"").decode(errors="replace").strip().splitlines()[-1:]
            raise RuntimeError(f"the API server exited: {err}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the API server did not start within a minute")


def _warm_up(port: int, dates: list[str]) -> None:
    """One request per date first: the figure is the steady state of a map in use, not the first visit."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for date in dates:
            conn.request("GET", f"/api/control?as_of={date}")
            conn.getresponse().read()
    finally:
        conn.close()


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _dates(db_path: Path) -> list[str]:
    from frontwatch.store import Store

    with Store.open(db_path, readonly=True) as store:
        span = store.date_range()
    if span is None:
        return [dt.date.today().isoformat()]
    first, last = dt.date.fromisoformat(span[0]), dt.date.fromisoformat(span[1])
    first = max(first, last - dt.timedelta(days=30))  # the slider's days: what the map asks for
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def api_load(db_path: str | Path, seconds: float = 5, rate: float = 200) -> dict[str, float]:
    """Serve the store on a loopback port and GET /api/control at ``rate`` requests/s for ``seconds``.

    The server runs in a child process; one warm-up request per date precedes the measurement. Requests are
    then sent on a fixed schedule (open loop); a request's latency runs from its scheduled time, so a slow
    server is not hidden by the client waiting for it. Returns requests_per_s, p50_ms, p99_ms (and errors).
    """
    seconds = min(max(float(seconds), 0.5), MAX_SECONDS)
    rate = min(max(float(rate), 1.0), MAX_RATE)
    db_path = Path(db_path)
    dates = _dates(db_path)
    port = _free_port()
    # The server runs in its own process, as `frontwatch serve` does: the load's threads must not share its GIL.
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; from frontwatch.web import serve; "
         "serve(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]))", str(db_path), str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(server, port)
    except BaseException:
        _stop(server)
        raise

    local = threading.local()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def one(scheduled: float, path: str) -> None:
        nonlocal errors
        delay = scheduled - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        try:
            conn = getattr(local, "conn", None)
            if conn is None:
                conn = local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            local.conn = None
            ok = False
        done = time.perf_counter()
        with lock:
            if ok:
                latencies.append((done - scheduled) * 1000)
            else:
                errors += 1

    try:
        _warm_up(port, dates)
        total = max(1, int(seconds * rate))
        start = time.perf_counter() + 0.05
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for i in range(total):
                pool.submit(one, start + i / rate, f"/api/control?as_of={dates[i % len(dates)]}")
        elapsed = time.perf_counter() - start
    finally:
        _stop(server)
    if not latencies:
        raise RuntimeError("no request to the API succeeded")
    return {"requests_per_s": round(len(latencies) / elapsed, 1), "p50_ms": round(_percentile(latencies, 0.5), 2),
            "p99_ms": round(_percentile(latencies, 0.99), 2), "errors": errors, "seconds": round(elapsed, 2),
            "target_rate": rate}
