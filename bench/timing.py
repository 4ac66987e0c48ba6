"""Timing helpers shared by our benchmarks and the floor's process (no Django set-up here)."""

import statistics
import time

median = statistics.median


def median_ms(function, repeat: int) -> float:
    function()  # warm up
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def query_count(function) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)
