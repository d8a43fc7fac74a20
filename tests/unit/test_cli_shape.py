"""The command line's shape: fast to start, readable help, one plumbing module, no import cycle."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimreview
from claimreview.cli import app

PACKAGE = Path(claimreview.__file__).resolve().parent
HEAVY = ("sqlalchemy", "sqlmodel", "textual", "fastapi", "uvicorn", "httpx")


def _commands() -> Iterator[list[str]]:
    """Every command path, groups and leaves, as argv prefixes."""
    import typer

    def walk(command: object, path: list[str]) -> Iterator[list[str]]:
        yield path
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    yield from walk(typer.main.get_command(app), [])


def test_version_and_short_help(cli) -> None:  # type: ignore[no-untyped-def]
    version = cli("--version")
    assert version.code == 0 and version.out == f"claimreview {claimreview.__version__}\n"
    short, long = cli("-h"), cli("--help")
    assert short.code == 0 and short.out == long.out and "Commands:" in short.out
    assert "--version" in short.out
    assert cli("export", "-h").out == cli("export", "--help").out


@pytest.mark.parametrize("path", list(_commands()), ids=lambda p: " ".join(p) or "claimreview")
def test_help_has_no_placeholders(cli, path: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*path, "--help")
    assert result.code == 0, result
    # Typer's default rendering: `{files}...` in the usage line, `<list[str]>` / `<path>` after names.
    assert not re.search(r"\{\w+\}|<[\w\[\], ]+>", result.out), result.out
    assert result.out.startswith("Usage: ")


def test_help_names_values_the_classic_way(cli) -> None:  # type: ignore[no-untyped-def]
    extract = cli("extract", "--help").out
    assert "extract [OPTIONS] FILE...\n" in extract
    assert "--db PATH" in extract
    verdict = cli("verdict", "--help").out
    assert "verdict [OPTIONS] CLAIM LABEL\n" in verdict
    assert "--source URL" in verdict and "--source-title TITLE" in verdict


def test_starting_the_cli_loads_no_database_ui_or_network_stack() -> None:
    code = f"import sys, claimreview.cli; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_command_modules_import_plumbing_never_the_cli_package() -> None:
    modules = {p.stem: p for p in (PACKAGE / "cli").glob("*.py")}
    assert set(modules) >= {"plumbing", "claims", "review", "export", "sync", "server"}
    for name, path in modules.items():
        if name not in ("__init__", "__main__"):
            # `from claimreview.cli import x` and `from claimreview import cli` both show up as this name.
            assert "claimreview.cli" not in _imports(path), name


def test_nothing_below_the_cli_imports_it() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "cli"
        and any(n == "claimreview.cli" or n.startswith("claimreview.cli.") for n in _imports(path))
    ]
    assert offenders == []
    # The old per-package command modules are gone: one home for commands.
    assert not [p for p in PACKAGE.rglob("command.py")]
