"""Our code uses Wagtail's and Django's public APIs only (issue #11): no private name is
imported from them, and none of the private attributes the old routing relied on is used."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "awards", "bench", "forms", "home", "publishing", "site_config"]
FRAMEWORKS = ("django", "wagtail")
# Private attributes of Wagtail's and Django's objects that this site once reached into.
PRIVATE_ATTRIBUTES = {
    "_get_raw_host",
    "_find_for_request",
    "_wagtail_site",
    "_wagtail_route_for_request",
    "_wagtail_cached_site_root_paths",
}


def python_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def private_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(FRAMEWORKS):
            parts = node.module.split(".")
            found += [f"from {node.module} import {a.name}" for a in node.names if a.name[0] == "_"]
            if any(part.startswith("_") for part in parts):
                found.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] in FRAMEWORKS and any(p.startswith("_") for p in parts):
                    found.append(f"import {alias.name}")
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_ATTRIBUTES:
            found.append(f".{node.attr} (line {node.lineno})")
    return [f"{path.name}: {use}" for use in found]


def test_the_checker_finds_a_private_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from wagtail.models.sites import _x\nimport django._private\nrequest._wagtail_site\n"
    )
    assert len(private_uses(sample)) == 3


def test_no_private_name_of_wagtail_or_django_is_used():
    uses = [use for path in python_files() for use in private_uses(path)]
    assert uses == []
