"""Throughput of read_article + extract_claims on a generated corpus, against a naive baseline.

    .venv/bin/python bench/extract.py [--articles 1000] [--seed 7] [--repeat 3] [--pysbd]

The corpus is the bundled samples (db/samples) with every figure and every named person
replaced at random (deterministic for a seed), written to a temporary directory in the samples'
own formats. Each stage runs --repeat times over the whole corpus and the best run counts, so a
busy machine inflates the numbers less. Baseline: read each file and str.split it on ". ".
--pysbd adds, for scale, plain pysbd segmentation of the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimreview.extract import extract_claims, read_article  # noqa: E402

SAMPLES = ROOT / "db" / "samples"
# People named in the samples; each article gets new names so the corpus is not 6 files repeated.
PEOPLE = (
    "Marta Kovac",
    "Piet Laane",
    "Ivo Petrak",
    "Clara Jensen",
    "Rafael Donn",
    "Anton Varga",
    "Darius Holt",
    "Omar Saleh",
    "Ines Park",
    "Hanna Voss",
)
FIRST = ("Amal", "Bruno", "Chen", "Dana", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luis")
LAST = ("Okoro", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Silva", "Keller", "Aziz", "Byrne")
# Not inside URLs, ISO dates, times or HTML character references, so the files stay valid.
FIGURE = re.compile(r"(?<![\w/.:#&-])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w/:;-])")


def perturb(text: str, rng: random.Random) -> str:
    for person in PEOPLE:
        last = person.split()[-1]
        new_first, new_last = rng.choice(FIRST), rng.choice(LAST)
        text = text.replace(person, f"{new_first} {new_last}")
        text = re.sub(rf"\b{last}\b", new_last, text)

    def figure(m: re.Match[str]) -> str:
        digits = m.group().replace(",", "")
        value = float(digits) * rng.uniform(0.5, 1.8)
        if "." in digits:
            return f"{value:.1f}"
        return f"{round(value):,}" if "," in m.group() else str(max(1, round(value)))

    return FIGURE.sub(figure, text)


def build_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    sources = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in sources]
    paths = []
    for i in range(count):
        suffix, text = texts[i % len(texts)]
        path = folder / f"article-{i:05d}{suffix}"
        path.write_text(perturb(text, rng), encoding="utf-8")
        paths.append(path)
    return paths


def best_of(repeat: int, run: Callable[[], int]) -> tuple[float, int]:
    best = float("inf")
    result = 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pysbd", action="store_true", help="also time plain pysbd on the corpus")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claimreview-bench-") as tmp:
        paths = build_corpus(Path(tmp), args.articles, args.seed)
        total_bytes = sum(p.stat().st_size for p in paths)
        # Warm-up: imports (bs4, pysbd), regex compilation and the OS file cache.
        for p in paths[:20]:
            extract_claims(read_article(p).text)
        articles = [read_article(p) for p in paths]

        def baseline() -> int:
            return sum(len(p.read_text(encoding="utf-8").split(". ")) for p in paths)

        def pysbd_alone() -> int:
            import pysbd

            segmenter = pysbd.Segmenter(language="en", clean=False)
            return sum(len(segmenter.segment(p.read_text(encoding="utf-8"))) for p in paths)

        def read_only() -> int:
            return sum(len(read_article(p).text) for p in paths)

        def extract_only() -> int:
            return sum(len(extract_claims(a.text)) for a in articles)

        def full() -> int:
            return sum(len(extract_claims(read_article(p).text)) for p in paths)

        stages = [
            ("baseline: read + str.split('. ')", baseline),
            ("read_article", read_only),
            ("extract_claims", extract_only),
            ("read_article + extract_claims", full),
        ]
        results = [(name, *best_of(args.repeat, run)) for name, run in stages]
        if args.pysbd:
            # For scale: what plain pysbd costs on the same files (one run, it is slow).
            results.append(("reference: read + pysbd alone", *best_of(1, pysbd_alone)))

    base_seconds = results[0][1]
    mb = total_bytes / 1_000_000
    python = sys.version.split()[0]
    print(f"{args.articles} articles, {mb:.2f} MB, best of {args.repeat} runs, Python {python}")
    print(f"{'stage':<34} {'seconds':>8} {'articles/s':>11} {'MB/s':>7} {'x baseline':>11}")
    for name, seconds, _ in results:
        print(
            f"{name:<34} {seconds:>8.3f} {args.articles / seconds:>11,.0f} {mb / seconds:>7.2f}"
            f" {seconds / base_seconds:>11.1f}"
        )
    claims = results[3][2]
    print(f"claims extracted: {claims} ({claims / args.articles:.1f} per article)")


if __name__ == "__main__":
    main()
