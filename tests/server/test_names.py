"""Account names: one canonical spelling, no invisible or markup characters, no look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.errors import ClaimreviewError
from claimreview.server import store as server_store
from claimreview.server.names import canonical_name


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = server_store.make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    server_store.create_schema(engine)
    yield engine
    engine.dispose()


def test_names_are_normalised_to_one_spelling() -> None:
    assert canonical_name("  ａｎａ   lópez ") == "ana lópez"  # full-width letters, runs of spaces
    assert canonical_name("O'Brien-Smith") == "O'Brien-Smith"


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("ana\u200b", "invisible"),  # zero-width space
        ("\u202eana", "invisible"),  # right-to-left override
        ("ana\x07", "invisible"),
        ("[bold]ana[/bold]", "not '['"),
        ("<b>ana</b>", "not '<'"),
        ("", "1-100"),
    ],
)
def test_invisible_control_and_markup_characters_are_refused(raw: str, why: str) -> None:
    with pytest.raises(ClaimreviewError, match=why.replace("[", r"\[")):
        canonical_name(raw)


def test_a_look_alike_of_an_existing_name_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    server_store.add_reviewer(engine, "ana")
    for twin in ("\u0430na", "ANA", "an\u0430"):  # Cyrillic а, upper case
        with pytest.raises(ClaimreviewError, match="looks like the existing reviewer 'ana'"):
            server_store.add_reviewer(engine, twin)
    server_store.add_reviewer(engine, "anna")  # different to the eye: allowed
    server_store.add_reviewer(engine, "ana")  # the same account: a new token, not a twin
    assert [r[0] for r in server_store.list_reviewers(engine)] == ["ana", "anna"]
