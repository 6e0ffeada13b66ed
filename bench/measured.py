"""Measured time: counting an ActivityWatch export of 100,000 events.

`measured_aw_100k_events_s` is the wall time of `read_measurement` on the file (read,
parse, check every event, count under the canonical rule), median of 3.
`measured_aw_100k_vs_json_load_ratio` divides it by a bare `json.loads` of the same
file, measured in the same run, so loaded or slow machines compare.
`measured_aw_100k_peak_mb` is the peak of Python allocations during one read
(tracemalloc, a separate run: it slows the code it watches), and
`measured_aw_100k_peak_vs_file_ratio` that peak against the file's size.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC
from pathlib import Path

from coach.bank.load import default_bank
from coach.measured import read_measurement
from coach.paths import bundled_bank_dir

ROOT = Path(__file__).resolve().parent.parent
N_EVENTS = 100_000
ROUNDS = 3


def _export(n_events: int) -> dict:
    """The fixtures' scenario, day after day, until it holds `n_events` events; laid out
    as aw-server's /api/0/export is."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "aw"))
    from scenario import BUCKETS, days_events

    per_day = sum(len(v) for v in days_events("2020-01-06", 7).values()) / 7
    n_days = int(n_events / per_day) + 1
    events = days_events("2016-01-04", n_days)
    buckets = {}
    left = n_events
    for bid, (btype, host, client) in BUCKETS.items():
        items = events[bid][:left]
        left -= len(items)
        buckets[bid] = {
            "id": bid, "name": bid, "type": btype, "client": client, "hostname": host,
            "created": "2016-01-04T00:00:00", "data": {},
            "events": [{"timestamp": start.isoformat(), "duration": float(seconds),
                        "data": data} for start, seconds, data in items]}
    return {"buckets": buckets}


def run() -> dict[str, float]:
    bank = default_bank(bundled_bank_dir())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.json"
        path.write_text(json.dumps(_export(N_EVENTS)), encoding="utf-8")
        size = path.stat().st_size
        times, loads = [], []
        for _ in range(ROUNDS):
            t = time.perf_counter()
            json.loads(path.read_text(encoding="utf-8"))
            loads.append(time.perf_counter() - t)
            t = time.perf_counter()
            m = read_measurement(str(path), bank, tz=UTC)
            times.append(time.perf_counter() - t)
        assert m.hours, "the benchmark export counted nothing"
        tracemalloc.start()
        read_measurement(str(path), bank, tz=UTC)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    seconds, load = statistics.median(times), statistics.median(loads)
    return {
        "measured_aw_100k_events_s": seconds,
        "measured_aw_100k_vs_json_load_ratio": seconds / load,
        "measured_aw_100k_file_mb": size / 1e6,
        "measured_aw_100k_peak_mb": peak / 1e6,
        "measured_aw_100k_peak_vs_file_ratio": peak / size,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value:.3f}")
