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
        ("min_score = 1.5\n", "field 'min_score': must be a number from 0 to 1"),
        ('min_score = "0.5"\n', "field 'min_score': must be a number from 0 to 1"),
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


def test_environment_beats_file_beats_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, 'reviewer = "Ana"\nserver = "https://file.example"\nauto_sync_seconds = 5\n')
    monkeypatch.setenv("CLAIMREVIEW_REVIEWER", "Bea")
    monkeypatch.setenv("CLAIMREVIEW_SERVER", "")  # set but empty: as if unset
    monkeypatch.setenv("CLAIMREVIEW_AUTO_SYNC_SECONDS", "60")  # text from a shell parses as a number
    settings = load_settings(path)
    got = (settings.reviewer, settings.server, settings.auto_sync_seconds)
    assert got == ("Bea", "https://file.example", 60)
    assert settings.blind_review is False


def test_missing_file_gives_defaults_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMREVIEW_SERVER", "https://env.example")
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.server == "https://env.example" and settings.auto_advance is True


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("CLAIMREVIEW_AUTO_SYNC_SECONDS", "soon", "CLAIMREVIEW_AUTO_SYNC_SECONDS': must be a whole number"),
        ("CLAIMREVIEW_AUTO_ADVANCE", "maybe", "CLAIMREVIEW_AUTO_ADVANCE': must be true or false"),
        ("CLAIMREVIEW_KEYMAP", "{not json", "keymap"),
    ],
)
def test_bad_environment_value_is_one_line_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError) as caught:
        load_settings(tmp_path / "absent.toml")
    message = str(caught.value)
    assert expected in message and "\n" not in message and message.startswith("environment")


def test_settings_built_in_code_ignore_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimreview.config import Settings

    monkeypatch.setenv("CLAIMREVIEW_REVIEWER", "Bea")
    assert Settings().reviewer is None
    assert Settings(reviewer="Cy").reviewer_name() == "Cy"


def test_min_score_is_read_from_the_file_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_settings(write(tmp_path, "min_score = 0.4\n")).min_score == 0.4
    assert load_settings(write(tmp_path, "min_score = 1\n")).min_score == 1.0
    assert load_settings(tmp_path / "none.toml").min_score == 0.0
    monkeypatch.setenv("CLAIMREVIEW_MIN_SCORE", "2")
    with pytest.raises(InputError, match="CLAIMREVIEW_MIN_SCORE"):
        load_settings(tmp_path / "none.toml")
