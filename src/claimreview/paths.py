"""Every file location claimreview uses, in one place."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "claimreview"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    # In a wheel, db/ and styles/ are copied into the package (see pyproject's force-include);
    # in a source checkout or editable install they sit at the top of the repository.
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parents[1] / name


def db_resources() -> Path:
    return _resource_dir("db")


def migrations_dir() -> Path:
    return db_resources() / "migrations"


def samples_dir() -> Path:
    return db_resources() / "samples"


def styles_dir() -> Path:
    return _resource_dir("styles")


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def token_file() -> Path:
    return config_dir() / "token"


def default_db_path() -> Path:
    """The local database: ``--db`` beats ``CLAIMREVIEW_DB`` beats the user data dir."""
    env = os.environ.get("CLAIMREVIEW_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "claims.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"
