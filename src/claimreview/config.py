"""User settings: a TOML file in the user config dir, overridable by environment variables."""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import tomli_w

from claimreview.errors import InputError
from claimreview.paths import config_file


@dataclass(slots=True)
class Settings:
    reviewer: str | None = None
    # Move to the next unreviewed claim after a verdict key.
    auto_advance: bool = True
    # Hide other reviewers' verdicts on a claim until you have given yours.
    blind_review: bool = False
    # binding id -> keys, e.g. {"claim.confirm": "y"}; see the help screen for ids.
    keymap: dict[str, str] = field(default_factory=dict)
    # Shared server for `claimreview sync`; the token lives in its own user-only file.
    server: str | None = None
    auto_sync_seconds: int = 0
    # Who publishes the ClaimReview markup, and where each review will live on the web.
    organization_name: str = "claimreview"
    organization_url: str | None = None
    review_base_url: str | None = None

    def reviewer_name(self) -> str:
        """The configured name, else the login name."""
        if self.reviewer:
            return self.reviewer
        try:
            return getpass.getuser()
        except (OSError, KeyError):
            return "reviewer"


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_file()
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"not valid TOML ({exc})", path=path) from exc
    settings = Settings()
    known = {f.name for f in fields(Settings)}
    for key, value in data.items():
        if key not in known:
            raise InputError(
                f"unknown setting; known settings: {', '.join(sorted(known))}", path=path, field=key
            )
        _check_type(path, key, getattr(settings, key), value)
        setattr(settings, key, value)
    if os.environ.get("CLAIMREVIEW_REVIEWER"):
        settings.reviewer = os.environ["CLAIMREVIEW_REVIEWER"]
    if os.environ.get("CLAIMREVIEW_SERVER"):
        settings.server = os.environ["CLAIMREVIEW_SERVER"]
    return settings


def _check_type(path: Path, key: str, default: object, value: object) -> None:
    """Each setting has the type of its default (a text setting whose default is None takes text)."""
    if isinstance(default, bool):
        ok, wanted = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok, wanted = (
            isinstance(value, int) and not isinstance(value, bool) and value >= 0,
            "a whole number >= 0",
        )
    elif isinstance(default, dict):
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        wanted = 'a table of "binding.id" = "keys"'
    else:
        ok, wanted = isinstance(value, str), "text in quotes"
    if not ok:
        raise InputError(f"must be {wanted}", path=path, field=key)


def save_settings(updates: dict[str, Any], path: Path | None = None) -> None:
    """Merge ``updates`` into the config file, writing it atomically."""
    path = path or config_file()
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"not valid TOML, not changed ({exc})", path=path) from exc
    data.update({k: v for k, v in updates.items() if v is not None})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(path)
