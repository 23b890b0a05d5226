"""Running the same call in several threads at the same moment, as quick clicks or
overlapping cron runs would: each thread has its own database connection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import connections


def run_at_once(
    call: Callable[[Any], Any], times: int, *, prepare: Callable[[], Any] = lambda: None
) -> list[Any]:
    """``call(prepare())`` in ``times`` threads released together by a barrier (``prepare``
    runs before it, in each thread); what each returned, or the exception it raised."""
    barrier = threading.Barrier(times)
    outcomes: list[Any] = []

    def run() -> None:
        try:
            prepared = prepare()
            barrier.wait(timeout=30)
            outcomes.append(call(prepared))
        except Exception as error:  # noqa: BLE001 - the caller asserts on what was raised
            outcomes.append(error)
        finally:
            connections.close_all()  # this thread's connections only

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes
