"""Sign-ins per second per core with the configured password hasher.

In-process: ``--calls`` password checks timed in one thread (one core)
against a hash made by the first configured hasher; the hashing is nearly
all of a sign-in's cost. Over HTTP (``--http URL``): ``--sign-ins`` real
sign-ins through allauth's form (GET the login page, POST email and
password, expect 302), ``--concurrency`` at a time, as bench users; divided
by the machine's CPU count for a per-core figure.
"""

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import check_password, get_hasher, make_password
from django.core.management.base import BaseCommand, CommandError

from bench.surge import Browser, check_loopback

from .seed_bench import PASSWORD


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--calls", type=int, default=8)
        parser.add_argument("--http", help="also sign in over HTTP at this base URL")
        parser.add_argument("--sign-ins", type=int, default=24)
        parser.add_argument("--concurrency", type=int, default=4)
        parser.add_argument("--users", type=int, default=16, help="bench1..N@example.com")
        parser.add_argument("--json", dest="json_path", type=Path)

    def handle(self, *args, calls, http, sign_ins, concurrency, users, json_path, **options):
        result = self.in_process(calls)
        self.stdout.write(
            f"{result['hasher']}: {result['ms_per_check_cpu']} ms of CPU per check "
            f"({result['ms_per_check_wall']} ms wall): "
            f"{result['sign_ins_per_s_per_core']} sign-ins per second per core"
        )
        if http:
            result["http"] = self.over_http(http, sign_ins, concurrency, users)
            self.stdout.write(
                f"over HTTP: {sign_ins} sign-ins, {concurrency} at a time, in "
                f"{result['http']['seconds']} s: {result['http']['sign_ins_per_s']} per second, "
                f"{result['http']['sign_ins_per_s_per_core']} per core"
            )
        if json_path:
            json_path.write_text(json.dumps(result, indent=2))

    def in_process(self, calls: int) -> dict:
        hasher = get_hasher()
        encoded = make_password(PASSWORD)
        check_password(PASSWORD, encoded)  # warm up
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(calls):
            if not check_password(PASSWORD, encoded):
                raise CommandError("check_password refused the right password")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        return {
            "hasher": settings.PASSWORD_HASHERS[0],
            "algorithm": hasher.algorithm,
            "work_factor": {
                k: v
                for k, v in vars(type(hasher)).items()
                if k in ("iterations", "time_cost", "memory_cost", "parallelism", "rounds")
            },
            "calls": calls,
            "ms_per_check_wall": round(wall / calls * 1000, 1),
            "ms_per_check_cpu": round(cpu / calls * 1000, 1),
            "sign_ins_per_s_per_core": round(calls / cpu, 2),
        }

    def over_http(self, base_url: str, count: int, concurrency: int, users: int) -> dict:
        check_loopback(base_url)

        def sign_in(index: int) -> float:
            browser = Browser(base_url, timeout=60)
            email = f"bench{index % users + 1}@example.com"
            began = time.perf_counter()
            status, _, _ = browser.request("GET", "/accounts/login/")
            if status != 200:
                raise CommandError(f"login page: status {status}")
            status, _, _ = browser.request(
                "POST", "/accounts/login/", {"login": email, "password": PASSWORD}
            )
            if status != 302:
                raise CommandError(f"sign-in as {email}: status {status}, expected 302")
            return time.perf_counter() - began

        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as executor:
            latencies = sorted(executor.map(sign_in, range(count)))
        seconds = time.perf_counter() - began
        cpus = os.cpu_count() or 1
        return {
            "sign_ins": count,
            "concurrency": concurrency,
            "seconds": round(seconds, 1),
            "sign_ins_per_s": round(count / seconds, 2),
            "sign_ins_per_s_per_core": round(count / seconds / cpus, 2),
            "cpus": cpus,
            "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        }
