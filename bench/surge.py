#!/usr/bin/env python3
"""Deadline surge: many entrants autosaving at once, then submitting in the last minute.

    bench/surge.py --entrants 300 --duration 120 --json surge.json [--django]

Each simulated entrant is one thread with its own connection and cookies, as
a browser would be. Before the clock starts, every entrant signs in once
(allauth's form, the configured password hasher) and opens the benchmark
category page, which holds their draft; the sign-in phase is timed and
reported on its own; ``--sign-in session`` makes the sessions server-side
instead (no password hashing), which keeps a 300-entrant run to its two
minutes when the hasher costs over half a second of CPU per sign-in.
During ``--duration`` seconds each entrant then:

- autosaves every ``--interval`` seconds (first save at a random moment in the
  first interval), posting all 12 answers with one of them edited, as
  static/js/autosave.js does, and keeps the version the save acknowledged;
- at a random moment in the last ``--submit-window`` seconds, opens the
  check-your-answers page, submits (302 to the confirmation page) and opens
  the confirmation page, then stops.

The level passes when there are 0 errors (any unexpected status, a conflict,
a timeout), 0 lost saves and the p99 of the saves is under ``--p99-ms``. A
save is lost when the database does not hold, at the end, exactly the answers
and version of the entrant's last acknowledged save (``--django`` checks
through the ORM; without it the check is skipped and says so).

``--search N`` then looks for the largest level that passes with up to N
more levels of ``--search-duration`` seconds (default 75: a shorter
autosave-only first phase, the same submit window, so saves and submits
arrive at the same rates as in the full run): half the smallest failing
level, 1.5 times the largest passing one, or halfway between once both are
known. Going down needs no new sign-ins.

``--levels 300,450,600`` runs several levels in turn, reseeding the drafts
(``manage.py seed_bench --surge-users N``, in-process with ``--django``)
before each; entrants signed in at one level keep their session for the next,
so each signs in once. ``--stop-on-fail`` ends the search at the first level
that fails. Time is bounded: each level takes its sign-ins (new entrants
only) plus ``--duration`` plus at most ``--timeout`` for the last requests.

The load is standard-library Python (threads, http.client). Output: a line
per level on stderr, and with ``--json`` every number.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import math
import os
import random
import re
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

WORDS = (
    "the team patients staff service care trust waiting list clinic recovery "
    "backlog pathway data weekly target reduced improved local partners "
    "community hospital theatre elective outpatient referral digital triage "
    "nurse consultant workforce capacity demand pilot evidence outcome year "
    "month programme review board quality safety experience access time"
).split()
LONG_KEYS = [
    "background_and_need",
    "approach",
    "working_at_pace",
    "sustainability",
    "spreading_the_learning",
    "results",
    "impact_on_patients_and_staff",
    "engagement",
]
SAVE_URL = re.compile(r'action="(/entries/[^"/]+/save/)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


def log(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def prose(words: int, salt: str) -> str:
    rng = random.Random(salt)  # noqa: S311 (filler text, not security)
    sentences, left = [], words
    while left:
        length = min(left, rng.randint(8, 20))
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + ".")
        left -= length
    return " ".join(sentences)


BASE_TEXT = {key: prose(290, key) for key in LONG_KEYS}


def check_loopback(base_url: str) -> None:
    url = urlsplit(base_url)
    for info in socket.getaddrinfo(url.hostname, url.port or 80, type=socket.SOCK_STREAM):
        if not ipaddress.ip_address(info[4][0]).is_loopback:
            sys.exit(f"surge: {base_url} is not a loopback address; refusing to load it")


class Failure(Exception):
    pass


class Browser:
    """One entrant's browser: cookies, one request at a time, a new connection each time."""

    def __init__(self, base_url: str, timeout: float):
        url = urlsplit(base_url)
        self.host, self.port, self.timeout = url.hostname, url.port or 80, timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        body = urlencode(form).encode() if form is not None else None
        sent = {"User-Agent": "awards-bench-surge", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method != "GET" and "csrftoken" in self.cookies:
            sent["X-CSRFToken"] = self.cookies["csrftoken"]
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.getheader("Location") or "", data.decode(errors="replace")


class Entrant:
    def __init__(self, n: int, args):
        self.n = n
        self.email = args.user_pattern.replace("{n}", str(n))
        self.browser = Browser(args.base_url, args.timeout)
        self.signed_in = False
        self.reset()

    def reset(self):
        self.save_url = ""
        self.public_id = ""
        self.version = 0
        self.edits = 0
        self.acked: dict | None = None  # the answers of the last acknowledged save
        self.pending_save: dict | None = None  # sent, no reply (yet): stored or not
        self.submitted = False
        self.pending_submit = False
        self.failed = False

    def fail(self, level, message: str) -> None:
        self.failed = True
        level.error(message)

    def acceptable_states(self) -> list[tuple[dict, int, str]]:
        """What the database may hold at the end without a save having been lost.

        The last acknowledged save, or a save or submit sent without a reply
        (a timeout): the server may have stored it after the client gave up.
        """
        answers, version = self.acked or {}, self.version
        if self.submitted:
            return [(answers, version + 1, "submitted")]
        states = [(answers, version, "draft")]
        if self.pending_save is not None:
            states.append((self.pending_save, version + 1, "draft"))
        if self.pending_submit:
            states.append((answers, version + 1, "submitted"))
        return states

    def answers(self) -> dict:
        answers = {
            "organisation_name": f"Surge Organisation {self.n}",
            "contact_email": self.email,
            "organisation_type": "NHS trust",
            "declaration": "yes",
            **BASE_TEXT,
        }
        if self.edits:
            key = LONG_KEYS[self.edits % len(LONG_KEYS)]
            answers[key] = f"{BASE_TEXT[key]} Edit {self.edits}."
        return answers

    def sign_in(self, password: str) -> float:
        began = time.perf_counter()
        status, _, _ = self.browser.request("GET", "/accounts/login/")
        if status != 200:
            raise Failure(f"{self.email}: login page: status {status}")
        status, _, _ = self.browser.request(
            "POST", "/accounts/login/", {"login": self.email, "password": password}
        )
        if status != 302:
            raise Failure(f"{self.email}: sign-in: status {status}, expected 302")
        self.signed_in = True
        return time.perf_counter() - began

    def open_page(self, page: str) -> None:
        status, _, html = self.browser.request("GET", page)
        save_url, version = SAVE_URL.search(html), VERSION.search(html)
        if status != 200 or not save_url or not version:
            raise Failure(f"{self.email}: {page}: status {status}, no draft form on the page")
        self.save_url, self.version = save_url.group(1), int(version.group(1))
        self.public_id = self.save_url.split("/")[2]


class Level:
    """The numbers of one level: what every entrant's thread reports."""

    def __init__(self):
        self.lock = threading.Lock()
        self.saves: list[float] = []
        self.submits: list[float] = []
        self.errors: list[str] = []
        self.late: list[float] = []
        self.planned = 0  # saves the schedule asks for, had the server kept up
        self.save_started: list[float] = []  # when each save in ``saves`` was sent

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


def run_entrant(entrant: Entrant, args, level: Level, start: float, rng: random.Random):
    """Autosave every interval; submit at a random moment in the last minute.

    Nothing new is sent once the run's time is up: an entrant who has not
    submitted by then missed the deadline, which counts as an error. After any
    error the entrant stops, as autosave does after a refused save.
    """
    duration = args.duration
    submit_at = rng.uniform(max(0.0, duration - args.submit_window), duration - 2.0)
    next_save = rng.uniform(0, args.interval)
    planned = max(1, math.ceil((submit_at - next_save) / args.interval))
    with level.lock:
        level.planned += planned
    while not entrant.failed:
        due = min(next_save, submit_at)
        wait = start + due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        else:
            with level.lock:
                level.late.append(-wait)
        if time.perf_counter() >= start + duration:
            entrant.failed = True
            level.error("submit: not sent before the end of the run (the server fell behind)")
            return
        if due == submit_at:
            if entrant.acked is None:
                save(entrant, level)  # nothing typed yet: an edit comes before the submit
            if not entrant.failed:
                submit(entrant, level)
            return
        save(entrant, level)
        next_save += args.interval


def save(entrant: Entrant, level: Level) -> None:
    entrant.edits += 1
    answers = entrant.answers()
    # Until the reply arrives, the server may or may not have stored this save.
    entrant.pending_save = answers
    began = time.perf_counter()
    try:
        status, _, body = entrant.browser.request(
            "POST",
            entrant.save_url,
            {"version": str(entrant.version), "action": "autosave", **answers},
            headers={"Accept": "application/json", "X-Requested-With": "fetch"},
        )
    except (OSError, http.client.HTTPException) as error:
        entrant.fail(level, f"save: {type(error).__name__}: {error}")
        return
    elapsed = time.perf_counter() - began
    if status != 200:
        entrant.fail(level, f"save: status {status}")
        return
    try:
        reply = json.loads(body)
    except ValueError:
        entrant.fail(level, "save: the reply is not JSON")
        return
    if not reply.get("ok") or reply.get("version") != entrant.version + 1:
        entrant.fail(level, f"save: unexpected reply {reply}")
        return
    entrant.version = reply["version"]
    entrant.acked, entrant.pending_save = answers, None
    with level.lock:
        level.saves.append(elapsed)
        level.save_started.append(began)


def submit(entrant: Entrant, level: Level) -> None:
    began = time.perf_counter()
    review = f"/entries/{entrant.public_id}/review/"
    try:
        status, _, html = entrant.browser.request("GET", review)
        if status != 200 or "Now submit your entry" not in html:
            headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)[:3]
            entrant.fail(level, f"review: status {status}, no submit button (headings {headings})")
            return
        entrant.pending_submit = True
        status, location, _ = entrant.browser.request(
            "POST", f"/entries/{entrant.public_id}/submit/", {"version": str(entrant.version)}
        )
        if status != 302 or not location.rstrip("/").endswith("/submitted"):
            entrant.fail(level, f"submit: status {status}, location {location!r}")
            return
        entrant.submitted, entrant.pending_submit = True, False
        status, _, html = entrant.browser.request("GET", location)
        if status != 200 or "Entry submitted" not in html:
            entrant.fail(level, f"submitted page: status {status}")
            return
    except (OSError, http.client.HTTPException) as error:
        entrant.fail(level, f"submit: {type(error).__name__}: {error}")
        return
    with level.lock:
        level.submits.append(time.perf_counter() - began)


def percentile(ordered: list[float], p: float) -> float | None:
    if not ordered:
        return None
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


# --- the database side (optional: needs Django and the site's settings) -------------


def setup_django() -> None:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, root)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings.bench")
    import django

    django.setup()


def reseed(count: int) -> None:
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_bench", surge_users=count, drafts_only=True, stdout=StringIO())


def mint_sessions(entrants: list[Entrant]) -> None:
    """Sign entrants in without the password check: a session made server-side, as
    Django's test client does, its cookie handed to the entrant's browser."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import close_old_connections
    from django.test import Client

    users = {
        u.email: u for u in get_user_model().objects.filter(email__in=[e.email for e in entrants])
    }
    for entrant in entrants:
        if entrant.email not in users:
            raise Failure(f"{entrant.email}: no such user (seed_bench --surge-users)")
        client = Client()
        client.force_login(users[entrant.email])
        name = settings.SESSION_COOKIE_NAME
        entrant.browser.cookies[name] = client.cookies[name].value
        entrant.signed_in = True
    close_old_connections()


def lost_saves(entrants: list[Entrant]) -> tuple[int, list[str]]:
    """Entrants whose stored draft is not exactly their last acknowledged save."""
    from django.db import close_old_connections

    from forms.models import Entry

    close_old_connections()
    stored = {
        row["public_id"]: row
        for row in Entry.objects.filter(public_id__in=[e.public_id for e in entrants]).values(
            "public_id", "answers", "version", "status"
        )
    }
    lost = []
    for entrant in entrants:
        if entrant.acked is None and entrant.pending_save is None:
            continue  # nothing was saved, nothing to lose
        row = stored.get(entrant.public_id)
        if row is None:
            lost.append(f"{entrant.email}: entry {entrant.public_id} missing")
            continue
        states = entrant.acceptable_states()
        if not any(
            row["version"] == version
            and row["status"] == status
            and all(row["answers"].get(k) == v for k, v in answers.items())
            for answers, version, status in states
        ):
            expected = ", ".join(f"{v} ({st})" for _, v, st in states)
            lost.append(
                f"{entrant.email}: stored version {row['version']} ({row['status']}) is not "
                f"the last acknowledged save or one sent without a reply: {expected}"
            )
    return len(lost), lost


# --- levels ----------------------------------------------------------------------------


def run_level(count: int, pool: list[Entrant], args) -> dict:
    while len(pool) < count:
        pool.append(Entrant(len(pool) + 1, args))
    entrants = pool[:count]
    if args.django:
        reseed(count)
    for entrant in entrants:
        entrant.reset()

    new = [e for e in entrants if not e.signed_in]
    began = time.perf_counter()
    if args.sign_in == "session":
        mint_sessions(new)
        sign_in_times = []
    else:
        with ThreadPoolExecutor(max_workers=args.signin_concurrency) as executor:
            sign_in_times = sorted(executor.map(lambda e: e.sign_in(args.password), new))
    sign_in_elapsed = time.perf_counter() - began
    with ThreadPoolExecutor(max_workers=8) as executor:
        list(executor.map(lambda e: e.open_page(args.page), entrants))
    log(
        f"surge {count}: {len(new)} sign-ins in {sign_in_elapsed:.1f} s, "
        f"{len(entrants)} pages opened; {args.duration:g} s of autosaves begin"
    )

    level = Level()
    start = time.perf_counter() + 0.5
    rng = random.Random(args.seed + count)  # noqa: S311 (load schedule, not security)
    threads = [
        threading.Thread(
            target=run_entrant,
            args=(e, args, level, start, random.Random(rng.random())),  # noqa: S311
            daemon=True,
        )
        for e in entrants
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # Nothing new is sent after the run's time; the last requests get their timeout.
        thread.join(
            timeout=max(0.0, start + args.duration + args.timeout + 5 - time.perf_counter())
        )
    stuck = sum(t.is_alive() for t in threads)
    if stuck:
        level.error(f"{stuck} entrants still waiting for a response at the end")
    elapsed = time.perf_counter() - start

    if args.django:
        lost, lost_samples = lost_saves(entrants)
    else:
        lost, lost_samples = None, ["not checked (run with --django)"]
    saves, submits = sorted(level.saves), sorted(level.submits)
    window = start + args.duration - args.submit_window
    before = sorted(t for t, at in zip(level.saves, level.save_started, strict=True) if at < window)
    during = sorted(
        t for t, at in zip(level.saves, level.save_started, strict=True) if at >= window
    )
    p99 = ms(percentile(saves, 99))
    result = {
        "entrants": count,
        "duration_s": args.duration,
        "interval_s": args.interval,
        "elapsed_s": round(elapsed, 1),
        "sign_in": args.sign_in,
        "sign_ins": len(new),
        "sign_in_s": round(sign_in_elapsed, 1),
        "sign_ins_per_s": round(len(new) / sign_in_elapsed, 2) if new else None,
        "sign_in_p50_ms": ms(percentile(sign_in_times, 50)),
        "planned_saves": level.planned,
        "saves": len(saves),
        "saves_per_s": round(len(saves) / args.duration, 1),
        "save_p50_ms": ms(percentile(saves, 50)),
        "save_p95_ms": ms(percentile(saves, 95)),
        "save_p99_ms": p99,
        "save_max_ms": ms(saves[-1] if saves else None),
        "save_p99_before_submits_ms": ms(percentile(before, 99)),
        "save_p99_during_submits_ms": ms(percentile(during, 99)),
        "submits": len(submits),
        "submit_p95_ms": ms(percentile(submits, 95)),
        "errors": len(level.errors),
        "error_samples": sorted(set(level.errors))[:5],
        "lost_saves": lost,
        "lost_samples": lost_samples[:5],
        "late_p95_ms": ms(percentile(sorted(level.late), 95)),
        "p99_limit_ms": args.p99_ms,
    }
    result["passed"] = bool(
        not level.errors and lost == 0 and p99 is not None and p99 < args.p99_ms
    )
    log(
        f"surge {count}: {len(saves)} saves, p99 {p99} ms, {len(submits)} submits, "
        f"{len(level.errors)} errors, lost {lost}: {'PASS' if result['passed'] else 'FAIL'}"
    )
    return result


def next_level(results: list[dict]) -> int | None:
    """The next level to try: half the smallest failure, 1.5x the largest pass, or between."""
    passing = [r["entrants"] for r in results if r["passed"]]
    failing = [r["entrants"] for r in results if not r["passed"]]
    low, high = max(passing, default=None), min(failing, default=None)
    if high is not None and low is not None:
        count = (low + high) // 2
        return count if high - low > max(10, high // 10) else None
    if high is not None:
        return high // 2 if high > 10 else None
    return int(low * 1.5)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8700")
    parser.add_argument("--page", default="/hsj-awards-2024/benchmark-award/")
    parser.add_argument("--user-pattern", default="surge{n}@example.com")
    parser.add_argument("--password", default="bench-pass-1234")
    parser.add_argument("--entrants", type=int, default=300)
    parser.add_argument("--levels", help="several levels in turn, e.g. 150,300,450")
    parser.add_argument("--stop-on-fail", action="store_true")
    parser.add_argument(
        "--search",
        type=int,
        default=0,
        help="then up to N more levels, halving after a failure, 1.5x after a pass, "
        "bisecting once both are known",
    )
    parser.add_argument(
        "--search-duration", type=float, default=75, help="seconds per search level (default 75)"
    )
    parser.add_argument("--duration", type=float, default=120, help="seconds (default 120)")
    parser.add_argument("--interval", type=float, default=10, help="seconds between autosaves")
    parser.add_argument("--submit-window", type=float, default=60, help="the last N seconds")
    parser.add_argument("--p99-ms", type=float, default=500)
    parser.add_argument(
        "--sign-in",
        choices=["http", "session"],
        default="http",
        help="http: allauth's form, the password hasher's full cost (default); session: "
        "sessions made server-side before the clock (needs --django), to keep the run short",
    )
    parser.add_argument("--signin-concurrency", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--django", action="store_true", help="reseed and check the database")
    parser.add_argument("--json", help="write the results to this file")
    args = parser.parse_args()
    if not (10 <= args.duration <= 600 and 0 < args.interval <= args.duration):
        parser.error("--duration must be in [10, 600] s and --interval in (0, duration]")
    args.submit_window = min(args.submit_window, args.duration - 2)
    levels = [int(n) for n in args.levels.split(",")] if args.levels else [args.entrants]
    if not all(0 < n <= 2000 for n in levels):
        parser.error("levels must be in [1, 2000] entrants")
    if args.sign_in == "session" and not args.django:
        parser.error("--sign-in session needs --django")
    check_loopback(args.base_url)
    if args.django:
        setup_django()

    pool: list[Entrant] = []
    results = []

    def level(count: int) -> dict:
        try:
            result = run_level(count, pool, args)
        except Failure as error:
            result = {"entrants": count, "passed": False, "failed": str(error)}
            log(f"surge {count}: failed before the clock: {error}")
        results.append(result)
        return result

    for count in levels:
        if not level(count)["passed"] and args.stop_on_fail:
            break
    if args.search:
        # Shorter levels from here on: a shorter first phase of autosaves only, the
        # same submit window, so saves and submits arrive at the same rates.
        args.duration = args.search_duration
        args.submit_window = min(args.submit_window, args.duration - 2)
        args.interval = min(args.interval, args.duration)
        for _ in range(args.search):
            count = next_level(results)
            if count is None:
                break
            level(count)
    passing = [r["entrants"] for r in results if r["passed"]]
    report = {
        "levels": results,
        "largest_passing": max(passing) if passing else None,
        "smallest_failing": min((r["entrants"] for r in results if not r["passed"]), default=None),
    }
    if args.json:
        with open(args.json, "w") as file:
            json.dump(report, file, indent=2)
    sys.stdout.write(json.dumps({k: v for k, v in report.items() if k != "levels"}) + "\n")


if __name__ == "__main__":
    main()
