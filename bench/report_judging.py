"""The judging rows of the benchmark table (issue 16).

- The leaderboard of one category, 500 entries, 5 judges each, 5 criteria
  (bench_leaderboard's leaderboard.json): under 1 s and at most 10 queries.
- The judge's entry page (``judge_get`` in loadgen-c8.json, target
  ``awards_judge``, bench/awards-judging.json) beside the entrant's signed-in
  category page (``auth_get``): served as fast.
"""

from __future__ import annotations

LEADERBOARD_TARGET = "< 1 s, ≤ 10 queries (issue #16)"
JUDGE_TARGET = "≥ `auth_get`'s req/s: as fast as the signed-in category page (issue #16)"


def leaderboard_row(table, board) -> None:
    label = "leaderboard (one category, judging.leaderboard, in-process)"
    if not board or "median_ms" not in board:
        table.add(label, "–", "not measured", "", "", "", LEADERBOARD_TARGET, "not measured")
        return
    problems = []
    if board["median_ms"] >= 1000:
        problems.append(f"{board['median_ms']:.0f} ms")
    if board["queries"] > 10:
        problems.append(f"{board['queries']} queries")
    if board["entries"] < 500:
        problems.append(f"only {board['entries']} entries")
    page = board.get("page") or {}
    page_text = (
        f"the admin page {page['median_ms']} ms, {page['queries']} queries with Wagtail's own"
        if "median_ms" in page
        else f"the admin page: {page.get('failed', 'not measured')}"
    )
    table.add(
        f"leaderboard ({board['entries']} entries, {board['judges_per_entry']} judges each of "
        f"{board['judges']}, {board['criteria']} criteria; judging.leaderboard, in-process)",
        "median ms / queries",
        f"{board['median_ms']} / {board['queries']}",
        "",
        "",
        f"{board['sheets']:,} sheets, {board['ranked']} ranked; {page_text}",
        LEADERBOARD_TARGET,
        "Yes" if not problems else "**No**: " + "; ".join(problems),
    )


def judge_rows(table, c8: dict, profile) -> None:
    judge = c8.get(("judge_get", "awards_judge"), {})
    auth = c8.get(("auth_get", "awards"), {})
    label = "judge's entry page (`judge_get`, c8)"
    if not judge.get("rps"):
        table.add(label, "req/s", "not measured", "", "", "", JUDGE_TARGET, "not measured")
        return
    ratio = judge["rps"] / auth["rps"] if auth.get("rps") else None
    low, high = judge.get("queries_min_max") or [None, None]
    queries = f"{low}–{high}" if low != high else f"{high}"
    in_process = (profile or {}).get("judge_get")
    cpu = (
        f"; in-process {in_process['median_ms']} ms against `auth_get` "
        f"{profile['auth_get']['median_ms']} ms"
        if in_process and "auth_get" in profile
        else ""
    )
    table.add(
        label,
        "req/s / p95 ms / queries (min–max)",
        f"{judge['rps']:.1f} / {judge['p95_ms']:.1f} / {queries}",
        "",
        "",
        f"{ratio:.2f}× `auth_get` ({auth['rps']:.1f} req/s, p95 {auth.get('p95_ms', 0):.1f} ms)"
        f"{cpu}"
        if ratio
        else "no `auth_get` in this run",
        JUDGE_TARGET,
        "not measured"
        if ratio is None
        else "Yes"
        if ratio >= 1
        else f"**No**: {ratio:.2f}× `auth_get`",
    )


def judging_rows(table, board, c8: dict, profile) -> None:
    leaderboard_row(table, board)
    judge_rows(table, c8, profile)
