"""The config file: every setting typed, every mistake one line naming the file and the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.config import load_settings, save_settings
from claimreview.errors import InputError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'reviewer = "Ana Lima"\nauto_advance = false\nauto_sync_seconds = 30\n'
        '[keymap]\n"claim.confirm" = "y"\n',
    )
    settings = load_settings(path)
    assert settings.reviewer_name() == "Ana Lima"
    assert settings.auto_advance is False
    assert settings.auto_sync_seconds == 30
    assert settings.keymap == {"claim.confirm": "y"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("reviewer = 5\n", "field 'reviewer': must be text"),
        ('auto_advance = "yes"\n', "field 'auto_advance': must be true or false"),
        ("auto_sync_seconds = -1\n", "field 'auto_sync_seconds': must be a whole number"),
        ('auto_sync_seconds = "10"\n', "field 'auto_sync_seconds': must be a whole number"),
        ('[keymap]\n"claim.confirm" = 1\n', "field 'keymap': must be a table"),
        ('colour = "red"\n', "field 'colour': unknown setting"),
        ("reviewer = \n", "not valid TOML"),
    ],
)
def test_bad_settings_name_file_and_field(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value) and expected in str(caught.value)


def test_saving_over_a_broken_file_refuses_and_keeps_it(tmp_path: Path) -> None:
    path = write(tmp_path, "reviewer = \n")
    with pytest.raises(InputError, match="not valid TOML"):
        save_settings({"server": "https://claims.example"}, path)
    assert path.read_text(encoding="utf-8") == "reviewer = \n"


def test_saving_merges(tmp_path: Path) -> None:
    path = write(tmp_path, 'reviewer = "Ana"\n')
    save_settings({"server": "https://claims.example"}, path)
    settings = load_settings(path)
    assert (settings.reviewer, settings.server) == ("Ana", "https://claims.example")
