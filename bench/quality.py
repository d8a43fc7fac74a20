"""Extraction quality on the team's evaluation set: this version against a "contains a digit" baseline.

    .venv/bin/python bench/quality.py [--small] [--show] [--set sanity|holdout2|...|holdout-debates]
                                      [--every-set]

Gold lives in tests/eval/extraction (see its README): ``⟦Speaker|sentence⟧`` marks inline, or a
``NAME.gold.json`` beside subtitle files. Each file is read with read_article (marks removed, in
the file's own format) so readers, transcript detection and offsets are measured too.

Printed per system: recall (gold sentences extracted with exact offsets), speaker accuracy (on
the gold sentences found), wrong (of those, how many were given a speaker who is not the gold one,
rather than none), precision (extracted sentences that are gold), duplicates (extracted
sentences repeating an earlier one), and MAP (mean over documents of the average precision of
ranking every sentence by score; "either way" sentences are left out of every measure).
The baseline extracts every sentence (as this version segments it) containing a digit, scores
it 1 (else 0), names no speaker.
--small runs a handful of documents for CI. Without --set it scores the main set (articles and
transcripts). --set NAME scores one held-out set of tests/eval/extraction instead: "sanity" was
written after the rules were frozen, each "holdoutN" after the fixes the one before it led to, its
gold committed before the extractor first ran on it (the commit that records that first run holds
the unseen score); "holdout-debates", "-speeches" and "-talks" are debates, speeches, briefings
and hearings: spoken claims without figures and figures that are not claims, for the ranking.
--every-set prints one line per set, this version only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimreview.extract import Candidate, candidates, read_article  # noqa: E402

EVAL = ROOT / "tests" / "eval" / "extraction"


# Sets written after the rules were tuned on the main set, each scored on its own (--set):
# "sanity", then "holdoutN" by N, then sets named for what they hold ("holdout-debates") by name.
def _set_order(name: str) -> tuple[int, int, str]:
    number = name.removeprefix("holdout")
    if name == "sanity":
        return (0, 0, name)
    return (1, int(number), name) if number.isdigit() else (2, 0, name)


HELD_OUT = tuple(
    sorted(
        (p.name for p in EVAL.iterdir() if p.is_dir() and p.name not in ("articles", "transcripts")),
        key=_set_order,
    )
)
MARK = re.compile(r"⟦([^|⟧]*)\|([^⟧]*)⟧")
EITHER = "?"
NO_SPEAKER = "-"
SMALL = (
    "conflict-border-town.txt",
    "economy-jobs.txt",
    "disaster-quake.txt",
    "health-measles.txt",
    "politics-election-results.txt",
    "science-asteroid.txt",
    "debate-governor.txt",
    "townhall-mayor.vtt",
)


@dataclass
class Doc:
    name: str
    text: str
    kind: str
    gold: dict[tuple[int, int], str | None] = field(default_factory=dict)
    either: set[tuple[int, int]] = field(default_factory=set)
    captions: tuple[tuple[int, int], ...] = ()


@dataclass
class Scores:
    recall: float
    speaker: float
    precision: float
    duplicates: int
    map: float
    gold: int
    extracted: int
    # Found claims given a speaker that is not the gold one. A fact-checker can fill in a missing name,
    # but a wrong one sends them to the wrong source: this is the part of the speaker misses that harms.
    wrong_names: int = 0
    misses: list[str] = field(default_factory=list)


def _locate(doc: Doc, sentence: str, speaker: str) -> None:
    at = doc.text.find(sentence)
    if at < 0 or doc.text.find(sentence, at + 1) >= 0:
        raise SystemExit(
            f"{doc.name}: gold sentence found {'no' if at < 0 else 'more than one'} times: {sentence!r}"
        )
    span = (at, at + len(sentence))
    if speaker == EITHER:
        doc.either.add(span)
    else:
        doc.gold[span] = None if speaker == NO_SPEAKER else speaker


def load(
    names: Sequence[str] | None = None, folders: Sequence[str] = ("articles", "transcripts")
) -> list[Doc]:
    """Every evaluation document, read the way a user's file would be."""
    docs = []
    with tempfile.TemporaryDirectory(prefix="claimreview-eval-") as tmp:
        for path in [p for folder in folders for p in sorted((EVAL / folder).iterdir())]:
            if path.suffix == ".json" or path.name == "README.md" or (names and path.name not in names):
                continue
            raw = path.read_text(encoding="utf-8")
            marks = [(m.group(1).strip(), m.group(2)) for m in MARK.finditer(raw)]
            plain = Path(tmp) / path.name
            plain.write_text(MARK.sub(lambda m: m.group(2), raw), encoding="utf-8")
            article = read_article(plain)
            doc = Doc(path.name, article.text, article.kind, captions=article.captions)
            sidecar = path.with_name(path.stem + ".gold.json")
            if sidecar.exists():
                marks += [(g["speaker"] or NO_SPEAKER, g["text"]) for g in json.loads(sidecar.read_text())]
            for speaker, sentence in marks:
                _locate(doc, sentence, speaker)
            docs.append(doc)
    return docs


def ours(doc: Doc) -> list[Candidate]:
    return candidates(doc.text, doc.kind, doc.captions)


def digit_baseline(doc: Doc) -> list[Candidate]:
    # The same sentences as ours (a transcript's split into turns, its labels left out), so the two
    # differ only in which they keep and how they rank: segmenting the whole text would glue
    # "SPEAKER:" onto every turn's first sentence and miss all of those.
    out = []
    for c in ours(doc):
        digit = any(ch.isdigit() for ch in doc.text[c.start : c.end])
        out.append(Candidate(c.start, c.end, None, 1.0 if digit else 0.0, (), None, False))
    return out


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").casefold().split() == (b or "").casefold().split()


def _average_precision(ranked: list[bool], relevant: int) -> float:
    hits, total = 0, 0.0
    for rank, hit in enumerate(ranked, start=1):
        if hit:
            hits += 1
            total += hits / rank
    return total / relevant if relevant else 0.0


def evaluate(docs: Sequence[Doc], system: Callable[[Doc], list[Candidate]]) -> Scores:
    gold_total = found = right = extracted = correct = duplicates = wrong_names = 0
    aps: list[float] = []
    misses: list[str] = []
    for doc in docs:
        cands = system(doc)
        seen: set[str] = set()
        for c in cands:
            span = (c.start, c.end)
            text = doc.text[c.start : c.end]
            if c.kept:
                key = " ".join(text.split())
                duplicates += key in seen
                seen.add(key)
            if span in doc.either or not c.kept:
                continue
            extracted += 1
            if span in doc.gold:
                correct += 1
                found += 1
                if _same(c.speaker, doc.gold[span]):
                    right += 1
                else:
                    wrong_names += bool(c.speaker)
                    misses.append(f"speaker {doc.name}: {c.speaker!r} != {doc.gold[span]!r}: {text}")
            else:
                misses.append(f"extra   {doc.name}: {c.score:.3f} {c.reasons}: {text}")
        kept = {(c.start, c.end) for c in cands if c.kept}
        for span in doc.gold:
            if span not in kept:
                misses.append(f"missed  {doc.name}: {doc.text[span[0] : span[1]]}")
        gold_total += len(doc.gold)
        # Every sentence ranked by score (stable: document order breaks ties); gold the
        # segmenter never produced still counts in the denominator.
        ranked = sorted((c for c in cands if (c.start, c.end) not in doc.either), key=lambda c: -c.score)
        aps.append(_average_precision([(c.start, c.end) in doc.gold for c in ranked], len(doc.gold)))
    return Scores(
        recall=found / gold_total,
        speaker=right / found if found else 0.0,
        precision=correct / extracted if extracted else 0.0,
        duplicates=duplicates,
        map=sum(aps) / len(aps),
        gold=gold_total,
        extracted=extracted,
        wrong_names=wrong_names,
        misses=misses,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--small", action="store_true", help=f"only {len(SMALL)} documents (CI smoke run)")
    parser.add_argument("--show", action="store_true", help="list every miss, wrong speaker and extra")
    parser.add_argument("--set", choices=HELD_OUT, metavar="NAME", help="one held-out set")
    parser.add_argument("--every-set", action="store_true", help="one line per set (this version only)")
    args = parser.parse_args()
    if args.every_set:
        header = ("set", "docs", "gold", "recall", "speaker", "wrong", "precision", "MAP")
        print("{:<16} {:>5} {:>5} {:>7} {:>8} {:>5} {:>10} {:>6}".format(*header))
        for name in ("main", *HELD_OUT):
            docs = load() if name == "main" else load(folders=(name,))
            s = evaluate(docs, ours)
            print(
                f"{name:<16} {len(docs):>5} {s.gold:>5} {s.recall:>7.1%} {s.speaker:>8.1%} {s.wrong_names:>5}"
                f" {s.precision:>10.1%} {s.map:>6.3f}"
            )
        return
    docs = load(folders=(args.set,)) if args.set else load(SMALL if args.small else None)
    ours_scores = evaluate(docs, ours)
    base = evaluate(docs, digit_baseline)
    transcripts = sum(d.kind == "transcript" for d in docs)
    print(f"{len(docs)} documents ({transcripts} transcripts), {ours_scores.gold} gold claims")
    head = f"{'system':<22} {'recall':>7} {'speaker':>8} {'wrong':>5} {'precision':>10} {'dups':>5}"
    print(f"{head} {'MAP':>6} {'kept':>5}")
    for name, s in (("claimreview-rules v2", ours_scores), ("contains a digit", base)):
        print(
            f"{name:<22} {s.recall:>7.1%} {s.speaker:>8.1%} {s.wrong_names:>5} {s.precision:>10.1%}"
            f" {s.duplicates:>5} {s.map:>6.3f} {s.extracted:>5}"
        )
    print(f"MAP ratio to baseline: {ours_scores.map / base.map:.2f}x")
    if args.show:
        print("\n".join(ours_scores.misses))


if __name__ == "__main__":
    main()
