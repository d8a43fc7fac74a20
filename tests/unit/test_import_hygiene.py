"""Layering: the UI, the web server and the HTTP client stay at the edges of the package."""

from __future__ import annotations

import ast
from pathlib import Path

import claimreview

PACKAGE = Path(claimreview.__file__).resolve().parent

# top-level module -> the only sub-packages allowed to import it
ALLOWED = {
    "textual": ("tui",),
    "fastapi": ("server",),
    "uvicorn": ("server",),
    "starlette": ("server",),
    "httpx": ("sync",),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_edge_libraries_are_imported_only_at_their_edge() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        area = relative.parts[0] if len(relative.parts) > 1 else ""
        for module in imported_modules(path) & set(ALLOWED):
            if area not in ALLOWED[module]:
                offenders.append(f"{relative} imports {module}")
    assert offenders == []


def test_the_check_sees_the_edges() -> None:
    # Guards the test above against passing because it read nothing.
    assert "textual" in imported_modules(PACKAGE / "tui" / "app.py")
    assert "fastapi" in imported_modules(PACKAGE / "server" / "app.py")
    assert "httpx" in imported_modules(PACKAGE / "sync" / "client.py")
