"""The team-save rows of the benchmark table (bench/team_save.py's team-save.json)."""

from __future__ import annotations

TARGET = "team_save >= 0.8x save, 0 errors, 0 lost answers (issue #15)"


def team_rows(table, team) -> None:
    if not team or "scenarios" not in team:
        table.add("team_save", "–", "not measured", "", "", "", TARGET, "not measured")
        return
    solo, pair = team["scenarios"]["save"], team["scenarios"]["team_save"]
    ratio = team.get("ratio")
    problems = []
    if ratio is None or ratio < 0.8:
        problems.append(f"{ratio}x save")
    if pair["errors"]:
        problems.append(f"{pair['errors']} errors ({'; '.join(pair['error_samples'])})")
    if pair["lost_answers"]:
        problems.append(f"{pair['lost_answers']} lost answers")
    met = "Yes" if not problems else "**No**: " + "; ".join(problems)
    table.add(
        f"team_save (two people, one entry, c{team['concurrency']})",
        "req/s / p50 / p99 ms / errors / lost answers",
        f"{pair['rps']} / {pair['p50_ms']} / {pair['p99_ms']} / {pair['errors']} / "
        f"{pair['lost_answers']}",
        "",
        "",
        f"{ratio}x save in the same run ({solo['rps']} req/s, p99 {solo['p99_ms']} ms, "
        f"{solo['errors']} errors, {solo['lost_answers']} lost)",
        TARGET,
        met,
    )
