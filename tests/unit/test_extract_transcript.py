"""Transcripts: SPEAKER lines, subtitles, detection and per-line speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.errors import InputError
from claimreview.extract import extract_claims, read_article, read_transcript
from claimreview.extract.transcript import speaker_label

DEBATE = (
    "MODERATOR: Good evening and thank you both for coming tonight.\n"
    "SEN. ANA VIDAL: The new law cut burglaries by 12% in two years.\n"
    "Our schools hired 900 teachers.\n"
    "PAUL GRAY: That is false, the police report shows burglaries rose.\n"
    "(APPLAUSE)\n"
)


def test_speaker_lines_give_each_claim_its_speaker(tmp_path: Path) -> None:
    path = tmp_path / "debate.txt"
    path.write_text(DEBATE, encoding="utf-8")
    article = read_article(path)
    assert article.kind == "transcript"
    claims = extract_claims(article.text, article.kind)
    got = {c.text: c.speaker for c in claims}
    assert got == {
        "The new law cut burglaries by 12% in two years.": "Ana Vidal",
        "Our schools hired 900 teachers.": "Ana Vidal",  # an unlabelled line continues the turn
        "That is false, the police report shows burglaries rose.": "Paul Gray",
    }
    for c in claims:
        assert article.text[c.start : c.end] == c.text
        assert c.reasons


def test_a_transcript_opening_with_a_turn_is_titled_by_its_file(tmp_path: Path) -> None:
    # The first turn ("MODERATOR: Good evening ...") is no title; a heading line above the turns is one.
    bare = tmp_path / "county-debate-2026.txt"
    bare.write_text("MODERATOR: Good evening.\nALVES: Taxes rose 4% last year.\nBRUNO: They fell.\n", "utf-8")
    assert read_article(bare).title == "county-debate-2026"
    headed = tmp_path / "x.txt"
    headed.write_text(
        "County debate, 3 May\n\nMODERATOR: Good evening.\nALVES: Taxes rose 4%.\nBRUNO: No.\n", "utf-8"
    )
    article = read_article(headed)
    assert article.kind == "transcript" and article.title == "County debate, 3 May"


def test_article_with_colon_lines_is_not_a_transcript(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Note: figures are provisional.\n\nThe army said 40 people died on Monday.\n")
    assert read_article(path).kind == "article"
    assert read_transcript(path).kind == "transcript"


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        (
            "t.srt",
            "1\n00:00:01,000 --> 00:00:03,000\nMAYOR LIN: We repaired 3,200 potholes\nsince January.\n\n"
            "2\n00:00:03,000 --> 00:00:05,000\nTOM REED: Buses on route 9 were late 40 times in May.\n",
        ),
        (
            "t.vtt",
            "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Mayor Lin>We repaired 3,200 potholes\nsince January.\n\n"
            "00:03.000 --> 00:05.000\n<v Tom Reed>Buses on route 9 were late 40 times in May.\n",
        ),
    ],
)
def test_subtitles_join_cues_and_keep_speakers(tmp_path: Path, name: str, raw: str) -> None:
    path = tmp_path / name
    path.write_text(raw, encoding="utf-8")
    article = read_article(path)
    assert "-->" not in article.text and "<v" not in article.text
    claims = extract_claims(article.text, article.kind)
    assert [(c.text, c.speaker) for c in claims] == [
        ("We repaired 3,200 potholes since January.", "Lin"),
        ("Buses on route 9 were late 40 times in May.", "Tom Reed"),
    ]


def test_subtitles_cannot_be_forced_to_article(tmp_path: Path) -> None:
    path = tmp_path / "t.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nHello there.\n", encoding="utf-8")
    with pytest.raises(InputError, match="only be read as transcripts"):
        read_article(path, format="article")


def test_chitchat_ranks_below_qualitative_claims() -> None:
    [claim] = extract_claims(
        "A: Thank you all for coming tonight.\nB: The rebels control the town.\n", "transcript"
    )
    assert claim.speaker == "B"
    assert "event" in claim.reasons


def test_a_label_naming_an_office_then_its_holder_gives_the_holder(tmp_path: Path) -> None:
    # Parliamentary records: the office, then who holds it in brackets; her answers are hers, not the
    # answers of the member who asked before her.
    chamber = (
        "MR SPEAKER: Questions to the Transport Secretary. Mr Ivo Lind.\n"
        "IVO LIND: When will the northern rail link open?\n"
        "THE SECRETARY OF STATE FOR TRANSPORT (ROSA KEMP): The link carried its first test train in May.\n"
        "The Deputy Leader of the House (Omar Said): Ticket sales rose by 8% last year.\n"
        "TOM REED (via video link): The depot was closed in 2019.\n"
    )
    path = tmp_path / "questions.txt"
    path.write_text(chamber, encoding="utf-8")
    article = read_article(path)
    assert article.kind == "transcript"
    got = {c.text: c.speaker for c in extract_claims(article.text, article.kind)}
    assert got["The link carried its first test train in May."] == "Rosa Kemp"
    assert got["Ticket sales rose by 8% last year."] == "Omar Said"
    assert got["The depot was closed in 2019."] == "Tom Reed"  # brackets that name no one
    assert not any("(" in text for text in got)  # no label is read as a sentence


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("CHIEF FIRE OFFICER DAVID OKORO", "David Okoro"),
        ("DEPUTY CHIEF CONSTABLE AMY HART", "Amy Hart"),
        ("HEALTH MINISTER RUTH ADEYEMI", "Ruth Adeyemi"),
        ("HOST DEV RAMAN", "Host Dev Raman"),  # the role word stays: it tells who runs the show
    ],
)
def test_a_rank_of_several_words_is_not_part_of_the_speaker(label: str, speaker: str) -> None:
    assert speaker_label(label) == speaker
