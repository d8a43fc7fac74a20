"""The sentence splitter: pysbd's answer, with its cheap shortcuts proven equal to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimreview.extract import read_article
from claimreview.extract.segment import _pysbd_split, blocks, paragraphs, sentences, split_block

SAMPLES = Path(__file__).resolve().parents[2] / "db" / "samples"
DOUMA = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "douma-2018.txt"

TRICKY = """The U.S. Army said 5 soldiers died. Gen. Smith disagreed. The vote was 52-48. Opponents booed.
He arrived at 3 p.m. on Monday. Then he left. Prices rose 3.5 per cent in Jan. Analysts were surprised.
Mr. Jones met Dr. Lee in St. Louis. They talked for 2 hours. It was No. 1 on the list. Sales fell.
The company, Acme Inc., said profits doubled. Shares rose! Investors cheered. J. K. Rowling wrote it.
She said "no." He said yes. The ministry (which denied it) said 40 died. Iran said no. Iraq agreed.
Police arrested 12 people. Officials said 40 were hurt. Fighting continued... Nobody knows why.
"We will not leave. Our position is firm," he said. "Why?" she asked. The U.N. said so. Troops left.
政府表示，已有1200人撤离。官员说情况稳定。 Aid arrived in Gaza on Jan. 5. It was late. Why? Because.
Mayor Ivo Petrak told Reuters that 37 people had been rescued. "We have never seen this," he said.
The minister said "no." Then he left. (The figure was revised.) Officials said 5 died.
He cited the report (published in May). The ministry disagreed. Prices rose [sharply]. Markets fell.
“We are ready,” she said. “The army is not.” Nobody answered. The group said: "We will fight." Others fled.
Rudskoy said 40,000 people had returned. 'We are home,' one man said. The union says "enough". Talks resume.
She called it "the best budget (ever)". Critics disagreed. "No," they said. He said «Non». They left.
The plan "will fail," he said. "It always does." Aides were silent. The army said "Done!" Others doubted it.
It was "terrible. Really bad," he said. Then he left. Voters said "Why now?" Leaders said nothing.
Officials said the toll was 40 (including 12 children). Rescue work continued. "Yes." He nodded.
"""


def texts() -> list[str]:
    found = [read_article(p).text for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    if DOUMA.is_file():
        found.append(DOUMA.read_text(encoding="utf-8"))
    return [*found, TRICKY]


def trimmed(piece: str, spans: list[tuple[int, int]]) -> list[str]:
    return [piece[s:e].strip() for s, e in spans if piece[s:e].strip()]


def test_shortcuts_agree_with_pysbd() -> None:
    compared = 0
    for text in texts():
        for pstart, pend in paragraphs(text):
            for bstart, bend in blocks(text, pstart, pend):
                piece = text[bstart:bend].replace("\n", " ")
                reference = _pysbd_split(piece)
                assert reference is not None
                assert trimmed(piece, split_block(piece)) == trimmed(piece, reference), piece
                compared += 1
    # The Douma seed adds ~20 blocks where ../shared is present; the samples alone give ~90.
    assert compared > 60


def test_tricky_paragraph_boundaries() -> None:
    got = [TRICKY[s.start : s.end] for s in sentences(TRICKY)]
    assert "Mr. Jones met Dr. Lee in St. Louis." in got
    assert "He arrived at 3 p.m. on Monday." in got
    assert '"We will not leave. Our position is firm," he said.' in got
    assert "The company, Acme Inc., said profits doubled." in got
    assert "政府表示，已有1200人撤离。" in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo", ["One.", "Two"]),
        ("A caption ends here.\nAFP", ["A caption ends here.", "AFP"]),
        ("Short line\nAnother short one", ["Short line", "Another short one"]),
        ("  padded sentence.  \n\n\n  ", ["padded sentence."]),
        ("\u00a0Nbsp around.\u00a0", ["Nbsp around."]),
    ],
)
def test_paragraphs_and_lines(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == expected


def test_headline_is_in_paragraph_zero_even_after_blank_lines() -> None:
    text = "\n\n  \nHeadline here\n\nBody."
    first = sentences(text)[0]
    assert text[first.start : first.end] == "Headline here" and first.paragraph == 0 and first.alone


DOTTED = [
    "The tunnel collapsed at about 3:40 a.m. on Tuesday after a tremor, the agency says.",
    "Troops from the U.S. and Britain left at 6 a.m. but returned. Then more came at 9 p.m. after dark.",
    "Figures from the U.N. show a rise. Aid from the E.U. arrived on Monday.",
    "Shares in the U.K. market fell 4 percent. Traders in the U.S. were calm.",
]


def test_dotted_abbreviation_before_a_lowercase_word_needs_no_pysbd(monkeypatch: pytest.MonkeyPatch) -> None:
    references = [trimmed(piece, _pysbd_split(piece) or []) for piece in DOTTED]

    def refuse(piece: str) -> None:
        raise AssertionError(f"pysbd called on {piece!r}")

    monkeypatch.setattr("claimreview.extract.segment._pysbd_split", refuse)
    for piece, reference in zip(DOTTED, references, strict=True):
        assert trimmed(piece, split_block(piece)) == reference
    assert len(references[1]) == 2 and len(references[2]) == 2
