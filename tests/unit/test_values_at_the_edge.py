"""Status, label and kind are checked once, where they come in, with one error type and the same lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview import consensus as rules
from claimreview.errors import BadValue, ClaimreviewError, InputError
from claimreview.export import ExportFilters
from claimreview.store import Store

DOC = "The port said 300 ships docked in June. Fees will rise by 4%, the board said."


def test_parsers_return_known_values_unchanged() -> None:
    for value in rules.CONSENSUS_VALUES:
        assert rules.parse_status(value) == value
    for value in rules.REVIEW_LABELS:
        assert rules.parse_label(value) == value
    for value in rules.EVENT_KINDS:
        assert rules.parse_kind(value) == value
        for label in rules.KIND_LABELS[value]:
            assert rules.parse_event_label(value, label) == label


def test_a_label_of_another_kind_is_refused() -> None:
    with pytest.raises(BadValue, match="unknown label 'assigned'"):
        rules.parse_label("assigned")
    with pytest.raises(BadValue, match="unknown label 'confirmed'"):
        rules.parse_event_label(rules.ASSIGNMENT, "confirmed")


@pytest.mark.parametrize(
    ("parse", "value", "message"),
    [
        (rules.parse_status, "done", "unknown status 'done'; use one of: unreviewed, confirmed, denied, "),
        (rules.parse_status, "Confirmed", "unknown status 'Confirmed'"),  # no case folding below the CLI
        (
            rules.parse_label,
            "disputed",
            "unknown label 'disputed'; use one of: confirmed, denied, unverified",
        ),
        (rules.parse_label, 3, "unknown label '3'"),
        (
            rules.parse_kind,
            "vote",
            "unknown event kind 'vote'; use one of: review, adjudication, correction, assignment, editorial",
        ),
    ],
)
def test_one_error_type_for_every_bad_value(parse, value: object, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadValue) as caught:
        parse(value)
    err = caught.value
    # Whoever catches the older types still catches it.
    assert isinstance(err, InputError) and isinstance(err, ClaimreviewError) and isinstance(err, ValueError)
    assert str(err).startswith(message)
    assert "\n" not in str(err)


def test_located_bad_value_names_file_line_and_field() -> None:
    with pytest.raises(BadValue) as caught:
        rules.parse_label("maybe")
    located = caught.value.at("events.jsonl", 7, "label")
    assert (
        str(located) == "events.jsonl:7: field 'label': must be one of: "
        "confirmed, denied, unverified, not_checkworthy, cleared"
    )
    assert (located.path, located.line, located.field) == ("events.jsonl", 7, "label")


def test_export_filters_check_their_status_when_built() -> None:
    assert ExportFilters(status="disputed").status == "disputed"
    assert ExportFilters().status is None
    with pytest.raises(BadValue, match="unknown status 'open'"):
        ExportFilters(status="open")


def _export_lines(label: object, kind: object) -> list[dict[str, object]]:
    from claimreview.ids import claim_id, document_id, sha256_text

    sha = sha256_text(DOC)
    end = DOC.index(".") + 1
    event: dict[str, object] = {
        "type": "event",
        "id": "e1",
        "claim_id": claim_id(sha, 0, end),
        "reviewer": "ann",
        "label": label,
        "created_at": "2026-01-31T12:00:00.000000Z",
    }
    if kind is not None:
        event["kind"] = kind
    return [
        {"type": "document", "id": document_id(sha), "uri": "port.txt", "title": "Port", "text": DOC},
        {
            "type": "claim",
            "id": claim_id(sha, 0, end),
            "document_id": document_id(sha),
            "text": DOC[:end],
            "start": 0,
            "end": end,
        },
        event,
    ]


@pytest.mark.parametrize(
    ("label", "kind", "expected"),
    [
        (
            "Confirmed",
            None,
            ":3: field 'label': must be one of: confirmed, denied, unverified, not_checkworthy, cleared",
        ),
        (
            "confirmed",
            "vote",
            ":3: field 'kind': must be one of: review, adjudication, correction, assignment, editorial",
        ),
        (
            "confirmed",
            ["review"],
            ":3: field 'kind': must be one of: review, adjudication, correction, assignment, editorial",
        ),
    ],
)
def test_import_rejects_bad_labels_and_kinds_with_the_line(
    cli, tmp_path: Path, db_file: Path, label: object, kind: object, expected: str
) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _export_lines(label, kind)), encoding="utf-8")
    result = cli("import", path, "--db", db_file)
    assert result.code == 2
    assert result.err == f"claimreview: error: {path}{expected}\n"
    if db_file.exists():
        with Store.open(db_file) as store:
            assert store.count_claims() == 0


def test_verdict_label_as_people_type_it(cli, tmp_path: Path, db_file: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _export_lines("confirmed", None)), encoding="utf-8")
    assert cli("import", path, "--db", db_file).code == 0
    with Store.open(db_file) as store:
        claim = store.list_claims()[0].id
    denied = cli("verdict", claim, "  DENIED ", "--reviewer", "bob", "--db", db_file)
    assert denied.code == 0 and "bob: denied on" in denied.out
    cleared = cli("verdict", claim, "Clear", "--reviewer", "bob", "--db", db_file)
    assert (
        cleared.code == 0 and "bob: cleared on" in cleared.out and "consensus is now confirmed" in cleared.out
    )
