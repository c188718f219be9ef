"""The API load that `frontwatch bench --api` runs: bounded, on loopback, stopping its server."""

from __future__ import annotations

import socket

from frontwatch.web import load


def test_api_load_measures_control_requests_and_stops_its_server(demo_db, monkeypatch):
    ports = []
    real_free_port = load._free_port
    monkeypatch.setattr(load, "_free_port", lambda: ports.append(real_free_port()) or ports[-1])
    result = load.api_load(demo_db, seconds=1, rate=20)
    assert set(result) >= {"requests_per_s", "p50_ms", "p99_ms"}
    assert result["errors"] == 0 and result["requests_per_s"] > 0
    assert 0 < result["p50_ms"] <= result["p99_ms"]
    with socket.socket() as s:  # the server is gone: its port can be bound again
        s.bind(("127.0.0.1", ports[0]))

