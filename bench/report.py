#!/usr/bin/env python3
"""Turn one `make bench` run's results into docs/benchmarks.md, and print the table.

    bench/report.py .bench/results --output docs/benchmarks.md

Reads what bench/run.sh left in the results folder: loadgen-c8.json and
loadgen-c16.json (peer-bench's loadgen), signin.json (bench_signin),
profile.json (bench_profile), surge.json (bench/surge.py), team-save.json
(bench/team_save.py), leaderboard.json (bench_leaderboard) and environment.json. A missing file becomes a row that says "not measured".
Every target is issue #7's; "met" is Yes or No with the gap in numbers.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report_judging import judging_rows  # noqa: E402 - the path above first
from bench.report_team import team_rows  # noqa: E402 - the path above first

US, PEER_A, PEER_B, STATIC = "awards", "peer_a", "peer_b", "awards_static"
FLOOR = "awards_floor"


def load(folder: Path, name: str):
    path = folder / name
    return json.loads(path.read_text()) if path.exists() else None


def index(loadgen) -> dict:
    """{(scenario, target): result} from a loadgen JSON report."""
    if not loadgen:
        return {}
    return {(r["scenario"], r["target"]): r for r in loadgen["results"] if "failed" not in r}


def num(value, spec=".1f", unit="") -> str:
    return "–" if value is None else f"{format(value, spec)}{unit}"


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def times(value) -> str:
    return "–" if value is None else f"{value:.2f}×"


def verdict(ok: bool | None, gap: str = "") -> str:
    if ok is None:
        return "not measured"
    return "Yes" if ok else f"**No**: {gap}" if gap else "**No**"


class Table:
    HEADER = (
        "| scenario | measure | awards | peer A | peer B | ratio | target (issue #7) | met |\n"
        "|---|---|--:|--:|--:|---|---|---|"
    )

    def __init__(self):
        self.rows: list[str] = []

    def add(self, scenario, measure, ours, peer_a, peer_b, ratio_text, target, met):
        cells = [scenario, measure, ours, peer_a, peer_b, ratio_text, target, met]
        self.rows.append("| " + " | ".join(str(c) for c in cells) + " |")

    def markdown(self) -> str:
        return "\n".join([self.HEADER, *self.rows])


# --- the rows, one function per target --------------------------------------------------


def throughput_rows(table: Table, c8: dict, c16: dict) -> None:
    def get(scenario, target, key, data=c8):
        return data.get((scenario, target), {}).get(key)

    # auth_get: >= 1.5x peer A and peer B, with a lower p95.
    ours, a, b = (get("auth_get", t, "rps") for t in (US, PEER_A, PEER_B))
    ra, rb = ratio(ours, a), ratio(ours, b)
    ok = None if None in (ra, rb) else ra >= 1.5 and rb >= 1.5
    table.add(
        "signed-in category page with draft (`auth_get`, c8)",
        "req/s",
        num(ours),
        num(a),
        num(b),
        f"{times(ra)} A, {times(rb)} B",
        "≥ 1.5× peer A and peer B",
        verdict(
            ok,
            f"{times(min(ra or 0, rb or 0))} of the slower ratio; needs "
            f"{num(1.5 * max(a or 0, b or 0))} req/s",
        ),
    )
    ours, a, b = (get("auth_get", t, "p95_ms") for t in (US, PEER_A, PEER_B))
    ok = None if None in (ours, a, b) else ours < a and ours < b
    table.add(
        "",
        "p95 ms",
        num(ours),
        num(a),
        num(b),
        f"{times(ratio(ours, a))} A, {times(ratio(ours, b))} B",
        "lower than both",
        verdict(ok, f"{num(ours)} ms against {num(min(a or 0, b or 0))} ms"),
    )

    # anon_get: >= 5x peer A, and >= half the same HTML as a static file.
    ours, a, b = (get("anon_get", t, "rps") for t in (US, PEER_A, PEER_B))
    static = get("anon_get", STATIC, "rps")
    ra, rs = ratio(ours, a), ratio(ours, static)
    table.add(
        "anonymous category page (`anon_get`, c8)",
        "req/s",
        num(ours),
        num(a),
        num(b),
        f"{times(ra)} A",
        "≥ 5× peer A",
        verdict(None if ra is None else ra >= 5, f"{times(ra)}; needs {num(5 * (a or 0))} req/s"),
    )
    table.add(
        "",
        "req/s against the same HTML as a static file",
        num(ours),
        "",
        "",
        f"{times(rs)} of {num(static)} req/s (static)",
        "≥ 0.5× the static file",
        verdict(
            None if rs is None else rs >= 0.5,
            f"{times(rs)}; needs {num(0.5 * (static or 0))} req/s",
        ),
    )

    # save: >= 2x peer A's submissions; p99 < 100 ms at concurrency 16.
    ours, a, b = (get("save", t, "rps") for t in (US, PEER_A, PEER_B))
    ra = ratio(ours, a)
    table.add(
        "save a draft of all 12 answers (`save`, c8)",
        "req/s",
        num(ours),
        num(a),
        num(b),
        f"{times(ra)} A, {times(ratio(ours, b))} B",
        "≥ 2× peer A",
        verdict(None if ra is None else ra >= 2, f"{times(ra)}; needs {num(2 * (a or 0))} req/s"),
    )
    ours, a, b = (get("save", t, "p99_ms", c16) for t in (US, PEER_A, PEER_B))
    table.add(
        "save (`save`, c16)",
        "p99 ms",
        num(ours),
        num(a),
        num(b),
        f"{times(ratio(ours, a))} A",
        "< 100 ms",
        verdict(None if ours is None else ours < 100, f"{num(ours)} ms"),
    )
    rps = [get("save", t, "rps", c16) for t in (US, PEER_A, PEER_B)]
    table.add(
        "",
        "req/s",
        *(num(x) for x in rps),
        f"{times(ratio(rps[0], rps[1]))} A",
        "(context)",
        "",
    )

    # The floor: a signed-in JSON view that loads only the session and the user.
    floor = get("auth_get", FLOOR, "rps")
    page, save = get("auth_get", US, "rps"), get("save", US, "rps")
    table.add(
        "floor: signed-in JSON, session and user only (`/bench/floor/`, c8)",
        "req/s",
        num(floor),
        "",
        "",
        f"`auth_get` {times(ratio(page, floor))}, `save` {times(ratio(save, floor))} of it",
        "reported",
        "",
    )


def query_rows(table: Table, c8: dict) -> None:
    limits = [
        ("anon_get", "category page, anonymous", 10),
        ("auth_get", "category page, signed in with a draft", 14),
        ("save", "save", 6),
    ]
    for scenario, label, limit in limits:
        found = [c8.get((scenario, t), {}) for t in (US, PEER_A, PEER_B)]
        ours = found[0].get("queries_min_max")
        most = ours[1] if ours else None
        table.add(
            f"queries: {label} (`{scenario}`)",
            "SQL queries per request (max)",
            num(most, "d"),
            *(num((f.get("queries_min_max") or [None, None])[1], "d") for f in found[1:]),
            "",
            f"≤ {limit}",
            verdict(
                None if most is None else most <= limit,
                f"{most} queries, {most - limit} over" if most is not None else "",
            ),
        )


def surge_rows(table: Table, surge) -> None:
    """The deadline surge: 0 errors, 0 lost saves, p99 save < 500 ms; the largest passing level."""
    target = "300 entrants, 2 min: 0 errors, 0 lost saves, p99 save < 500 ms"
    if not surge or not surge.get("levels"):
        table.add("deadline surge", "–", "not run", "", "", "", target, "not measured")
        return
    first = surge["levels"][0]
    if "failed" in first:
        table.add("deadline surge", "", f"failed: {first['failed']}", "", "", "", target, "**No**")
        return
    problems = []
    if first["errors"]:
        problems.append(f"{first['errors']} errors")
    if first["lost_saves"] is None:
        problems.append("lost saves not checked")
    elif first["lost_saves"]:
        problems.append(f"{first['lost_saves']} lost saves")
    if first["save_p99_ms"] is None or first["save_p99_ms"] >= first["p99_limit_ms"]:
        problems.append(f"p99 {num(first['save_p99_ms'])} ms")
    full = first["entrants"] >= 300 and first["duration_s"] >= 120
    if not full:
        problems.append(f"a shorter run ({first['entrants']} entrants, {first['duration_s']:g} s)")
    table.add(
        f"deadline surge ({first['entrants']} entrants, {first['duration_s']:g} s, "
        f"autosave every {first['interval_s']:g} s)",
        "errors / lost saves / p99 save",
        f"{first['errors']} / {num(first['lost_saves'], 'd')} / {num(first['save_p99_ms'])} ms",
        "",
        "",
        f"{first['saves']} saves ({first['saves_per_s']}/s), {first['submits']} submits",
        target,
        verdict(first["passed"] and full, "; ".join(problems)),
    )
    tried = ", ".join(
        f"{r['entrants']} {'pass' if r['passed'] else 'fail'}"
        + (f" ({r['duration_s']:g} s)" if "duration_s" in r else "")
        for r in surge["levels"]
    )
    largest = surge.get("largest_passing")
    highest = max((r["entrants"] for r in surge["levels"]), default=None)
    # When the highest level tried passed, the largest that passes is at least that.
    at_least = "at least " if largest and largest == highest else ""
    table.add(
        "",
        "largest number of entrants that passes",
        f"{at_least}{num(largest, 'd')}" if largest else "none tried passed",
        "",
        "",
        f"levels tried: {tried}",
        "reported",
        "reported" if largest else "**No** passing level found",
    )


def export_rows(table: Table, export) -> None:
    """The export benchmark: N submitted entries to CSV and XLSX (bench_export)."""
    target = "10,000 entries: CSV < 10 s, XLSX < 60 s, peak memory < 200 MB"
    if not export:
        table.add("export", "–", "not measured", "", "", "", target, "not measured")
        return
    csv, xlsx = export["csv"], export["xlsx"]
    problems = []
    if csv["entries"] < 10_000:
        problems.append(f"only {csv['entries']:,} entries")
    if export["csv_s"] >= 10:
        problems.append(f"CSV {export['csv_s']:.1f} s")
    if export["xlsx_s"] >= 60:
        problems.append(f"XLSX {export['xlsx_s']:.1f} s")
    if export["peak_mb"] >= 200:
        problems.append(
            f"peak {export['peak_mb']:.0f} MB (the process was {csv['before_mb']:.0f} MB "
            f"before the CSV export, {xlsx['before_mb']:.0f} MB before the XLSX)"
        )
    table.add(
        f"export ({csv['entries']:,} submitted entries, forms.exports, in-process)",
        "CSV s / XLSX s / peak MB",
        f"{export['csv_s']:.1f} / {export['xlsx_s']:.1f} / {export['peak_mb']:.0f}",
        "",
        "",
        f"CSV {csv['megabytes']} MB, {csv.get('cpu_seconds', '–')} s CPU, "
        f"+{csv['added_mb']:.0f} MB during; XLSX {xlsx['megabytes']} MB, "
        f"{xlsx.get('cpu_seconds', '–')} s CPU, +{xlsx['added_mb']:.0f} MB during",
        target,
        verdict(not problems, "; ".join(problems)),
    )


def signin_rows(table: Table, signin, surge) -> None:
    if not signin:
        table.add("sign-in", "–", "not measured", "", "", "", "reported", "not measured")
        return
    factor = ", ".join(f"{k} {v:,}" for k, v in signin["work_factor"].items())
    table.add(
        "sign-in: password check, in-process",
        "sign-ins/s per core",
        num(signin["sign_ins_per_s_per_core"], ".2f"),
        "",
        "",
        f"{signin['algorithm']} ({factor}): {signin['ms_per_check_cpu']} ms CPU per check",
        "reported (hasher justified in the README)",
        "reported",
    )
    http = signin.get("http")
    if http:
        table.add(
            f"sign-in over HTTP (allauth's form, {http['concurrency']} at a time)",
            "sign-ins/s per core (whole server ÷ CPUs)",
            num(http["sign_ins_per_s_per_core"], ".2f"),
            "",
            "",
            f"{http['sign_ins']} sign-ins in {http['seconds']} s = {http['sign_ins_per_s']}/s "
            f"on {http['cpus']} CPUs; p50 {http['p50_ms']} ms",
            "reported",
            "reported",
        )
    first = (surge or {}).get("levels", [{}])[0]
    if first.get("sign_in") == "http" and first.get("sign_ins"):
        table.add(
            "sign-in over HTTP (the surge's entrants)",
            "sign-ins/s (whole server)",
            num(first["sign_ins_per_s"], ".2f"),
            "",
            "",
            f"{first['sign_ins']} sign-ins in {first['sign_in_s']} s",
            "reported",
            "reported",
        )


# --- the document --------------------------------------------------------------------------


def profile_table(profile) -> str:
    if not profile:
        return "Not measured."
    lines = [
        "| request | median ms | in SQL ms | rest (Python, templates) ms | queries | response bytes |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, p in profile.items():
        lines.append(
            f"| `{name}` | {p['median_ms']} | {p['sql_ms']} | {p['other_ms']} | {p['queries']} "
            f"| {p['bytes']:,} |"
        )
    return "\n".join(lines)


def statements(profile) -> str:
    """Each request's SQL statements, in order, by table: where the query counts come from."""
    if not profile:
        return ""
    lines = []
    for name, p in profile.items():
        listed, previous, run = [], None, 0
        for statement in p.get("statements", []) + [None]:
            if statement == previous:
                run += 1
                continue
            if previous is not None:
                listed.append(f"{previous} ×{run}" if run > 1 else previous)
            previous, run = statement, 1
        lines.append(f"- `{name}` ({len(p.get('statements', []))}): " + ", ".join(listed))
    return "SQL statements, in order:\n\n" + "\n".join(lines)


def readings(profile, c8: dict) -> str:
    """What the profile says about each request, in sentences generated from this run."""
    if not profile:
        return ""
    limits = {"anon_get": 10, "auth_get": 14, "save": 6}
    lines = []
    for name, p in profile.items():
        share = p["other_ms"] / p["median_ms"] if p["median_ms"] else 0
        limit = limits.get(name)
        over = (
            f", {p['queries'] - limit} more than the target of {limit}"
            if limit and p["queries"] > limit
            else ""
        )
        lines.append(
            f"- `{name}`: {p['median_ms']} ms a request, one at a time: {p['queries']} "
            f"queries{over} take {p['sql_ms']} ms; the other {p['other_ms']} ms ({share:.0%}) "
            "is Python (views, forms, template rendering, middleware)."
        )
    return "\n".join(lines)


def more_readings(c8: dict, surge, export, signin) -> str:
    """The other gaps, in sentences generated from this run's numbers."""
    lines = []
    ours = c8.get(("anon_get", US), {}).get("rps")
    static = c8.get(("anon_get", STATIC), {}).get("rps")
    if ours and static:
        lines.append(
            f"- Anonymous page: served from the page cache (home/page_cache.py: no query, no "
            f"template) at {ours} req/s, {ours / static:.2f}× the same bytes served as a static "
            f"file by the same two workers ({static} req/s). What remains per request is "
            "Django's middleware and one read of the content version from Redis."
        )
    levels = [r for r in (surge or {}).get("levels", []) if "saves" in r]
    for level in levels:
        behind = max(level.get("late_p95_ms") or 0, level.get("save_p50_ms") or 0) > 1000
        planned = f" of {level['planned_saves']} planned" if "planned_saves" in level else ""
        if level["passed"]:
            continue
        if behind:
            lines.append(
                f"- Surge at {level['entrants']} entrants: the server was saturated: "
                f"{level['saves']} saves{planned} ({level['saves_per_s']}/s), the median save "
                f"took {num(level['save_p50_ms'])} ms and entrants fell behind their "
                f"schedule (p95 {num(level.get('late_p95_ms'))} ms late), so the p99 "
                f"({num(level['save_p99_ms'])} ms) is queueing behind other requests."
            )
        elif not level["errors"] and not level["lost_saves"]:
            before = level.get("save_p99_before_submits_ms")
            during = level.get("save_p99_during_submits_ms")
            split = (
                f" The p99 was {num(before)} ms before the submit window opened and "
                f"{num(during)} ms during it (submit p95 {num(level['submit_p95_ms'])} ms for "
                "the check-your-answers page, the submit and the confirmation page)."
                if before is not None and during is not None
                else ""
            )
            lines.append(
                f"- Surge at {level['entrants']} entrants: the server kept up (median save "
                f"{num(level['save_p50_ms'])} ms, {level['saves']} saves{planned}) but not "
                f"its tail: p99 {num(level['save_p99_ms'])} ms.{split}"
            )
    if export:
        csv = export["csv"]
        lines.append(
            f"- Export: the CSV took {csv['seconds']} s, {csv.get('cpu_seconds')} s of it CPU "
            f"in the exporting process (the rest is the database and the shared machine), "
            f"for {csv['megabytes']} MB; memory grew {csv['added_mb']:.0f} MB during it, on a "
            f"process of {csv['before_mb']:.0f} MB."
        )
    if signin:
        rate = signin["sign_ins_per_s_per_core"]
        lines.append(
            f"- Sign-in: {signin['ms_per_check_cpu']} ms of CPU per password check is "
            f"{rate} sign-ins per second per core: 300 entrants signing in within one "
            f"minute would need {300 / 60 / rate:.1f} cores for the hashing alone."
        )
    lines.append(
        "- How each figure is reached, where a request's time goes, and the cause of any "
        "target missed: docs/performance.md."
    )
    return "Reading of this run:\n\n" + "\n".join(lines)


def surge_details(surge) -> str:
    if not surge or not surge.get("levels"):
        return "Not run."
    lines = [
        "| entrants | s | sign-ins (s) | saves | saves/s | p50 ms | p95 ms | p99 ms | max ms "
        "| submits | submit p95 ms | errors | lost saves | result |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    notes = []
    for r in surge["levels"]:
        if "failed" in r:
            lines.append(f"| {r['entrants']} | | | | | | | | | | | | | failed: {r['failed']} |")
            continue
        lines.append(
            f"| {r['entrants']} | {r['duration_s']:g} | {r['sign_ins']} ({r['sign_in_s']}) "
            f"| {r['saves']} | {r['saves_per_s']} | {num(r['save_p50_ms'])} "
            f"| {num(r['save_p95_ms'])} | {num(r['save_p99_ms'])} | {num(r['save_max_ms'])} "
            f"| {r['submits']} | {num(r['submit_p95_ms'])} | {r['errors']} "
            f"| {num(r['lost_saves'], 'd')} | {'pass' if r['passed'] else 'fail'} |"
        )
        for sample in r["error_samples"] + [s for s in r["lost_samples"] if r["lost_saves"]]:
            notes.append(f"- {r['entrants']} entrants: {sample}")
    return "\n".join(lines + ([""] + notes if notes else []))


def surge_sign_in(surge) -> str:
    first = ((surge or {}).get("levels") or [{}])[0]
    if first.get("sign_in") == "session":
        return (
            "sessions made server-side, without the password check: the hasher's cost is "
            "the sign-in rows above, and 300 HTTP sign-ins would take minutes of the "
            "two cores before the surge could start"
        )
    return "through allauth's sign-in form, 4 at a time"


def document(folder: Path) -> tuple[str, str]:
    c8_raw, c16_raw = load(folder, "loadgen-c8.json"), load(folder, "loadgen-c16.json")
    c8, c16 = index(c8_raw), index(c16_raw)
    env = load(folder, "environment.json") or {}
    surge = load(folder, "surge.json")
    table = Table()
    throughput_rows(table, c8, c16)
    query_rows(table, c8)
    surge_rows(table, surge)
    export_rows(table, load(folder, "export.json"))
    signin_rows(table, load(folder, "signin.json"), surge)
    team_rows(table, load(folder, "team-save.json"))
    judging_rows(table, load(folder, "leaderboard.json"), c8, load(folder, "profile.json"))

    machine = (c8_raw or {}).get("environment", {})
    started = env.get("started") or machine.get("started", time.strftime("%Y-%m-%d %H:%M %z"))
    peers = machine.get("targets", {})
    peer_versions = "; ".join(
        f"{name}: " + ", ".join(f"{k} {v}" for k, v in info.get("versions", {}).items())
        for name, info in peers.items()
        if name in (PEER_A, PEER_B)
    )
    settings = (c8_raw or {}).get("settings", {})
    load_end = env.get("load_average_end")
    header = (
        f"Run of {started}, commit {env.get('commit', 'unknown')}, "
        f"{round(env.get('bench_seconds', 0) / 60, 1)} minutes. Machine: {env.get('cpus', machine.get('cpus'))} CPUs "
        f"({machine.get('cpu_model') or 'model unknown'}), {machine.get('platform', '')}. "
        f"Awards: Python {env.get('python')}, Django {env.get('django')}, Wagtail "
        f"{env.get('wagtail')}, gunicorn {env.get('gunicorn')} (2 sync workers), PostgreSQL "
        f"{env.get('postgresql')} (CONN_MAX_AGE {env.get('conn_max_age')}), cache "
        f"{env.get('cache')}, DEBUG off. Peers: {peer_versions or 'not run'}, same PostgreSQL, "
        f"gunicorn 2 sync workers. Load generator: peer-bench loadgen.py, "
        f"{settings.get('rounds')} rounds of {settings.get('duration')} s per scenario and "
        f"target (after {settings.get('warmup')} s warm-up), on the same machine."
        + (
            f" Load average (1, 5, 15 min) at the start: "
            f"{', '.join(f'{x:.1f}' for x in env.get('load_average_start') or [])}; at the end: "
            f"{', '.join(f'{x:.1f}' for x in load_end)}. The machine is shared with other "
            "work: compare the ratios from this run, not absolute figures across runs."
            if load_end
            else ""
        )
    )
    raw = []
    for name in ("loadgen-c8.md", "loadgen-c16.md"):
        path = folder / name
        if path.exists():
            raw.append(f"### `{name[:-3]}`\n\n{path.read_text().strip()}")
    doc = f"""# Benchmarks (issue #7)

Written by `make bench` (bench/run.sh, bench/report.py); do not edit by hand.
{header}

## Targets

{table.markdown()}

Ratios are ours divided by the peer's, from the same run. Peer A
(`wagtail.contrib.forms`) has no drafts: its `save` is a final submission and
its `auth_get` an empty form. Peer B (wagtail-flexible-forms) saves one step
(2–4 answers) per request and shows one step of 4 questions. See
`../shared/peer-bench/README.md` for the limits of the comparison.

## Where the time goes (in-process, one request at a time)

Each request through Django's test client, no network and no concurrent load
from the benchmark (the machine's other work still runs); medians.

{profile_table(load(folder, "profile.json"))}

{readings(load(folder, "profile.json"), c8)}

{statements(load(folder, "profile.json"))}

{more_readings(c8, surge, load(folder, "export.json"), load(folder, "signin.json"))}

## Deadline surge

bench/surge.py. Each entrant is signed in once before the clock and opens
the category page, then autosaves all 12 answers every 10 s with one edited,
and submits (check-your-answers page, submit, confirmation page) at a random
moment in the last minute. A save is
lost when the database does not hold exactly the answers and version of the
entrant's last acknowledged save (or of a save sent without a reply). Levels
after the first (the search for the largest passing number) are shorter: a
shorter autosave-only first phase, the same one-minute submit window, so
saves and submits arrive at the same rates. Sign-in: {surge_sign_in(surge)}.

{surge_details(surge)}

## Raw loadgen output

{(chr(10) * 2).join(raw) if raw else "Not run."}
"""
    return doc, table.markdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    doc, table = document(args.results)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(doc)
    sys.stdout.write(table + "\n")


if __name__ == "__main__":
    main()
