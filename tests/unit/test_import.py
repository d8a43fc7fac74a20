"""`claimreview import`: all-or-nothing, with one line naming file, line and field on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimreview.store import Store

DOC = "The council said 40 homes were flooded on 3 May. Repairs will cost $2 million, officials said."


def jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def good_records() -> list[dict[str, object]]:
    first = DOC.split(". ")[0] + "."
    second = DOC[len(first) + 1 :]
    return [
        {
            "document_uri": "https://news.example/flood",
            "document_title": "Flood",
            "document_text": DOC,
            "text": first,
            "start": 0,
            "end": len(first),
            "speaker": "The council",
            "score": 0.9,
        },
        {
            "document_uri": "https://news.example/flood",
            "text": second,
            "start": len(first) + 1,
            "end": len(DOC),
            "speaker": "officials",
            "score": 0.7,
        },
    ]


def count(db: Path) -> int:
    if not db.exists():
        return 0
    with Store.open(db) as store:
        return store.count_claims()


def test_jsonl_import_keeps_offsets_and_speakers(cli, tmp_path: Path, db_file: Path) -> None:
    result = cli("import", jsonl(tmp_path / "c.jsonl", good_records()), "--db", db_file)
    assert result.code == 0, result
    assert "imported 1 document(s), 2 claim(s)" in result.out
    with Store.open(db_file) as store:
        rows = store.list_claims()
        doc = store.get_document(rows[0].document_id)
        assert doc is not None and doc.title == "Flood"
        assert [doc.text[r.start : r.end] for r in rows] == [r.text for r in rows]
        assert [r.speaker for r in rows] == ["The council", "officials"]
    again = cli("import", tmp_path / "c.jsonl", "--db", db_file)
    assert again.code == 0 and "imported 0 document(s), 0 claim(s)" in again.out
    assert count(db_file) == 2


def test_csv_import_and_records_without_document_text(cli, tmp_path: Path, db_file: Path) -> None:
    csv_file = tmp_path / "c.csv"
    csv_file.write_text(
        "document_uri,document_title,text,speaker,score\n"
        'memo.txt,Memo,"Unemployment fell to 4.1% in June, the bureau said.",the bureau,0.8\n'
        "memo.txt,Memo,Exports rose 3% in the second quarter.,,0.6\n",
        encoding="utf-8",
    )
    result = cli("import", csv_file, "--db", db_file)
    assert result.code == 0, result
    with Store.open(db_file) as store:
        rows = store.list_claims()
        doc = store.get_document(rows[0].document_id)
        assert doc is not None
        assert [doc.text[r.start : r.end] for r in rows] == [r.text for r in rows]
        assert rows[1].speaker is None


BAD_CASES = {
    "offsets outside the text": (
        lambda recs: recs[1].update(end=len(DOC) + 50),
        ":2: field 'end': offsets",
    ),
    "claim text not at offsets": (lambda recs: recs[1].update(start=3), ":2: field 'text':"),
    "missing claim text": (lambda recs: recs[1].pop("text"), ":2: field 'text': is required"),
    "score out of range": (
        lambda recs: recs[0].update(score=7),
        ":1: field 'score': must be between 0 and 1",
    ),
    "start as a string": (
        lambda recs: recs[0].update(start="0"),
        ":1: field 'start': must be a whole number",
    ),
    "unknown field": (lambda recs: recs[1].update(verdict="true"), ":2: field 'verdict': unknown field"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_one_bad_record_imports_nothing(cli, tmp_path: Path, db_file: Path, case: str) -> None:
    mutate, expected = BAD_CASES[case]
    records = good_records()
    mutate(records)
    path = jsonl(tmp_path / "bad.jsonl", records)
    result = cli("import", path, "--db", db_file)
    assert result.code == 2
    assert f"{path}{expected}" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert count(db_file) == 0


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


FILE_CASES = {
    "missing file": (lambda d: d / "nope.jsonl", "no such file"),
    "directory": (lambda d: (d / "folder.jsonl").mkdir() or d / "folder.jsonl", "is a directory"),
    "empty file": (lambda d: write(d / "empty.jsonl", b"\n  \n"), "file is empty"),
    "binary file": (lambda d: write(d / "bin.jsonl", b"\x00\x01\x02PK\x03\x04"), "binary file"),
    "non-UTF-8": (lambda d: write(d / "latin.jsonl", b'{"text": "caf\xe9"}\n'), ":1: not UTF-8"),
    "10 MB single line": (
        lambda d: write(d / "huge.jsonl", b'{"text": "' + b"a" * (10 * 1024 * 1024) + b'"}'),
        ":1: line is longer than 5 MB",
    ),
    "JSON array": (lambda d: write(d / "array.json", b'[{"text": "x"}]'), "JSON array"),
    "not JSON": (lambda d: write(d / "c.jsonl", b'{"text": "x"\n'), ":1: not valid JSON"),
    "wrong CSV headers": (
        lambda d: write(d / "c.csv", b"uri,claim\nx,y\n"),
        ":1: wrong CSV headers: unknown column 'uri'",
    ),
    "unsupported suffix": (lambda d: write(d / "c.xlsx", b"x"), "unsupported file type"),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_files_fail_cleanly(cli, tmp_path: Path, db_file: Path, case: str) -> None:
    make, expected = FILE_CASES[case]
    path = make(tmp_path)
    result = cli("import", path, "--db", db_file)
    assert result.code == 2, result
    assert expected in result.err and str(path) in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert count(db_file) == 0


def test_a_corrupt_database_fails_cleanly_and_is_left_alone(cli, tmp_path: Path) -> None:
    db = write(tmp_path / "bad.db", b"garbage" * 1000)
    result = cli("import", jsonl(tmp_path / "c.jsonl", good_records()), "--db", db)
    assert result.code == 2
    assert "not a claimreview database or it is corrupt" in result.err
    assert db.read_bytes() == b"garbage" * 1000


def test_an_export_event_with_a_bad_time_imports_nothing(cli, tmp_path: Path, db_file: Path) -> None:
    from claimreview.ids import claim_id, document_id, sha256_text

    sha = sha256_text(DOC)
    end = DOC.index(".") + 1
    lines = [
        {"type": "document", "id": document_id(sha), "uri": "flood.txt", "title": "Flood", "text": DOC},
        {
            "type": "claim",
            "id": claim_id(sha, 0, end),
            "document_id": document_id(sha),
            "text": DOC[:end],
            "start": 0,
            "end": end,
        },
        {
            "type": "event",
            "id": "e1",
            "claim_id": claim_id(sha, 0, end),
            "reviewer": "ann",
            "label": "confirmed",
            "created_at": "yesterday <b>",
        },
    ]
    path = jsonl(tmp_path / "export.jsonl", lines)
    result = cli("import", path, "--db", db_file)
    assert result.code == 2
    assert f"{path}:3: field 'created_at': must be a UTC time" in result.err
    assert count(db_file) == 0
    lines[2]["created_at"] = "2026-01-31T12:00:00.000000Z"
    assert cli("import", jsonl(path, lines), "--db", db_file).code == 0
    assert count(db_file) == 1
