#!/usr/bin/env python3
"""Team saves beside solo saves: what writing one entry together costs.

Two scenarios against the running site, in one run, at the same concurrency
and for the same time, alternating which goes first each round:

- ``save``: each connection is one entrant saving their own draft, all 12
  answers, 8 of them changed, based on the version the last save returned
  (as loadgen's ``save`` does);
- ``team_save``: connections come in pairs, two people writing one entry
  (an owner and a colleague with edit rights). Each saves only their half of
  the answers, with each answer's base version from their last reply (as
  static/js/autosave.js does), so the two alternate on one row.

Every save must be a 200 with ``ok``: a refused save (409) is an error. At
the end each person's last acknowledged text must be what the database holds
for their answers: a lost answer is one that is not. Needs Django (sessions
are made server-side and the answers checked in the database) and the seed
``manage.py seed_bench --teams N``.

Output: a line per scenario and round on stderr, and with ``--json`` every number.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.surge import (  # noqa: E402 - the path above first
    BASE_TEXT,
    LONG_KEYS,
    Browser,
    check_loopback,
    log,
    ms,
    percentile,
    setup_django,
)

SHORT = {
    "organisation_name": "Bench Organisation {n}",
    "contact_email": "bench{n}@example.com",
    "organisation_type": "NHS trust",
    "declaration": "yes",
}
# Who writes what in a team: the owner the first half, the colleague the second.
HALVES = (
    ["organisation_name", "contact_email", *LONG_KEYS[:4]],
    ["organisation_type", "declaration", *LONG_KEYS[4:]],
)


class Person:
    def __init__(self, email: str, keys: list[str], n: int, base_url: str, timeout: float):
        self.email, self.keys, self.n = email, keys, n
        self.browser = Browser(base_url, timeout)
        self.public_id = ""
        self.version = 1
        self.bases: dict[str, int] = {}
        self.acked: dict[str, str] = {}
        self.edits = 0

    def answers(self) -> dict[str, str]:
        self.edits += 1
        answers = {}
        for key in self.keys:
            if key in SHORT:
                answers[key] = SHORT[key].replace("{n}", str(self.n))
            else:
                answers[key] = f"{BASE_TEXT[key]} Edit {self.edits} by {self.email}."
        return answers

    def save(self, team: bool) -> tuple[bool, str]:
        answers = self.answers()
        form = {"version": str(self.version), "action": "autosave", **answers}
        if team:
            form["bases"] = json.dumps(self.bases)
            form["writer"] = f"bench-{self.n:04d}-page.{self.edits}"
        status, _, body = self.browser.request(
            "POST",
            f"/entries/{self.public_id}/save/",
            form,
            headers={"Accept": "application/json"},
        )
        if status != 200:
            return False, f"status {status}"
        reply = json.loads(body)
        if not reply.get("ok"):
            return False, f"reply {reply}"
        self.version = reply["version"]
        self.bases.update({k: v for k, v in reply.get("versions", {}).items() if k in self.keys})
        self.acked = answers
        return True, ""


def people_for(scenario: str, count: int, args) -> list[Person]:
    """Sessions and entries from the database: bench1..N for ``save``, team1..N in pairs."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import close_old_connections
    from django.test import Client

    from forms.access import entries_for

    pattern = "bench{n}@example.com" if scenario == "save" else "team{n}@example.com"
    people = []
    for n in range(1, count + 1):
        keys = HALVES[(n - 1) % 2] if scenario == "team_save" else [*SHORT, *LONG_KEYS]
        people.append(Person(pattern.replace("{n}", str(n)), keys, n, args.base_url, args.timeout))
    users = {
        u.email: u for u in get_user_model().objects.filter(email__in=[p.email for p in people])
    }
    for person in people:
        user = users.get(person.email)
        if user is None:
            sys.exit(f"team_save: {person.email} missing: run manage.py seed_bench --teams {count}")
        client = Client()
        client.force_login(user)
        person.browser.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[
            settings.SESSION_COOKIE_NAME
        ].value
        entry = entries_for(user).exclude(status="withdrawn").order_by("pk").first()
        if entry is None:
            sys.exit(f"team_save: {person.email} has no entry: run manage.py seed_bench")
        person.public_id, person.version = entry.public_id, entry.version
        person.bases = {k: v.get("v", 0) for k, v in entry.answer_meta.items() if k in person.keys}
        person.page_url = entry.page.url
    close_old_connections()
    for person in people:  # the page, as a browser opens it first: it sets the CSRF cookie
        status, _, _ = person.browser.request("GET", person.page_url)
        if status != 200 or "csrftoken" not in person.browser.cookies:
            sys.exit(f"team_save: {person.email} could not open {person.page_url} ({status})")
    return people


def drive(people: list[Person], seconds: float, team: bool) -> dict:
    stop = time.monotonic() + seconds
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def work(person: Person) -> None:
        while time.monotonic() < stop:
            began = time.monotonic()
            try:
                ok, problem = person.save(team)
            except Exception as error:  # noqa: BLE001 - counted, not raised
                ok, problem = False, f"{type(error).__name__}: {error}"
            with lock:
                if ok:
                    times.append(time.monotonic() - began)
                else:
                    errors.append(f"{person.email}: {problem}")

    threads = [threading.Thread(target=work, args=(p,)) for p in people]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    ordered = sorted(times)
    return {
        "saves": len(times),
        "rps": round(len(times) / elapsed, 1),
        "p50_ms": ms(percentile(ordered, 50)),
        "p99_ms": ms(percentile(ordered, 99)),
        "errors": len(errors),
        "error_samples": errors[:3],
    }


def lost_answers(people: list[Person]) -> tuple[int, list[str]]:
    """Answers whose stored text is not the last one their writer had acknowledged."""
    from django.db import close_old_connections

    from forms.models import Entry

    close_old_connections()
    stored = dict(
        Entry.objects.filter(public_id__in={p.public_id for p in people}).values_list(
            "public_id", "answers"
        )
    )
    lost = [
        f"{person.email}: {key}"
        for person in people
        for key, text in person.acked.items()
        if stored.get(person.public_id, {}).get(key) != text
    ]
    return len(lost), lost[:5]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8700")
    parser.add_argument("--concurrency", type=int, default=8, help="connections (even)")
    parser.add_argument("--duration", type=float, default=10, help="seconds per scenario and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    check_loopback(args.base_url)
    setup_django()
    count = args.concurrency + args.concurrency % 2
    people = {name: people_for(name, count, args) for name in ("save", "team_save")}
    results: dict[str, list[dict]] = {"save": [], "team_save": []}
    for round_number in range(args.rounds):
        order = ["save", "team_save"] if round_number % 2 == 0 else ["team_save", "save"]
        for name in order:
            result = drive(people[name], args.duration, team=name == "team_save")
            results[name].append(result)
            log(
                f"team_save: round {round_number + 1} {name}: {result['rps']} saves/s, "
                f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, {result['errors']} errors"
            )
    summary = {}
    for name, rounds in results.items():
        lost, samples = lost_answers(people[name])
        summary[name] = {
            "rps": round(sum(r["rps"] for r in rounds) / len(rounds), 1),
            "p50_ms": max((r["p50_ms"] or 0) for r in rounds),
            "p99_ms": max((r["p99_ms"] or 0) for r in rounds),
            "saves": sum(r["saves"] for r in rounds),
            "errors": sum(r["errors"] for r in rounds),
            "error_samples": [s for r in rounds for s in r["error_samples"]][:3],
            "lost_answers": lost,
            "lost_samples": samples,
        }
    ratio = summary["team_save"]["rps"] / summary["save"]["rps"] if summary["save"]["rps"] else None
    output = {
        "concurrency": count,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "scenarios": summary,
        "ratio": round(ratio, 2) if ratio else None,
    }
    log(f"team_save: team_save / save = {output['ratio']}x")
    if args.json:
        args.json.write_text(json.dumps(output, indent=2))


if __name__ == "__main__":
    main()
