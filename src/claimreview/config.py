"""User settings: a TOML file in the user config dir, overridable by CLAIMREVIEW_* environment variables.

The model lives in ``claimreview.settings`` and is imported on first use (pydantic-settings is slow to
import and the CLI imports this module before it parses its arguments).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimreview.errors import InputError
from claimreview.paths import config_file

if TYPE_CHECKING:
    from claimreview.settings import Settings

__all__ = ["Settings", "load_settings", "save_settings"]


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from claimreview.settings import Settings

        return Settings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_settings(path: Path | None = None) -> Settings:
    """Environment over the file over defaults; a bad value is one line naming the file and setting."""
    from claimreview.settings import load

    return load(path or config_file())


def save_settings(updates: dict[str, Any], path: Path | None = None) -> None:
    """Merge ``updates`` into the config file, writing it atomically; a broken file is left as it is."""
    import tomli_w

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
