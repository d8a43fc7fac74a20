"""Throughput of read_article + extract_claims on a generated corpus, against a naive baseline.

    .venv/bin/python bench/extract.py [--articles 1000] [--seed 7] [--repeat 3] [--pysbd]
                                      [--against REV] [--only txt,md,html] [--small]

The corpus is the bundled samples (db/samples) with every figure and every named person
replaced at random (deterministic for a seed), written to a temporary directory in the samples'
own formats. Each stage runs --repeat times over the whole corpus and the best run counts, so a
busy machine inflates the numbers less. Baseline: read each file and str.split it on ". ".
--pysbd adds, for scale, plain pysbd segmentation of the same files.

--against REV (default: v1, commit 26abcb5) also times the extractor as it was at that git
revision, loaded from ``git archive`` into this same process under another package name, so the
ratio "this version / REV" compares both on the same corpus under the same machine load; the
stages alternate between the two versions on every repeat. ``--against none`` skips it.
--only keeps the corpus to some formats (e.g. ``--only html`` to price the HTML reader).
--small is a CI smoke run (60 articles, 1 repeat).
"""

from __future__ import annotations

import argparse
import importlib
import io
import random
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimreview.extract import extract_claims, read_article  # noqa: E402

SAMPLES = ROOT / "db" / "samples"
V1 = "26abcb5"  # extraction v1, the last commit before the v2 work
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


def build_corpus(folder: Path, count: int, seed: int, only: tuple[str, ...] = ()) -> list[Path]:
    rng = random.Random(seed)
    sources = sorted(p for p in SAMPLES.iterdir() if p.is_file() and (not only or p.suffix[1:] in only))
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in sources]
    paths = []
    for i in range(count):
        suffix, text = texts[i % len(texts)]
        path = folder / f"article-{i:05d}{suffix}"
        path.write_text(perturb(text, rng), encoding="utf-8")
        paths.append(path)
    return paths


def load_revision(rev: str, folder: Path) -> ModuleType:
    """The extract package as it was at git revision ``rev``, importable beside the current one."""
    name = "claimreview_extract_" + re.sub(r"\W", "_", rev)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src/claimreview/extract"],
        capture_output=True,
        check=True,
    ).stdout
    target = folder / name
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".py"):
                source = tar.extractfile(member)
                assert source is not None
                code = source.read().decode("utf-8").replace("claimreview.extract", name)
                out = target / Path(member.name).name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(code, encoding="utf-8")
    sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def best_of(repeat: int, runs: list[Callable[[], int]]) -> list[tuple[float, int]]:
    """Best time of each run; the runs alternate so a load spike hits them alike."""
    best = [float("inf")] * len(runs)
    results = [0] * len(runs)
    for _ in range(repeat):
        for i, run in enumerate(runs):
            started = time.perf_counter()
            results[i] = run()
            best[i] = min(best[i], time.perf_counter() - started)
    return list(zip(best, results, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pysbd", action="store_true", help="also time plain pysbd on the corpus")
    parser.add_argument("--against", default=V1, help="git revision to compare with, or 'none'")
    parser.add_argument("--only", default="", help="comma-separated formats to keep: txt,md,html")
    parser.add_argument("--small", action="store_true", help="CI smoke run: 60 articles, 1 repeat")
    args = parser.parse_args()
    if args.small:
        args.articles, args.repeat = 60, 1
    only = tuple(f.strip().lstrip(".") for f in args.only.split(",") if f.strip())

    with tempfile.TemporaryDirectory(prefix="claimreview-bench-") as tmp:
        paths = build_corpus(Path(tmp), args.articles, args.seed, only)
        total_bytes = sum(p.stat().st_size for p in paths)
        other = None
        if args.against != "none":
            try:
                other = load_revision(args.against, Path(tmp) / "rev")
                for suffix in {p.suffix for p in paths}:  # its readers import what they need lazily
                    other.read_article(next(p for p in paths if p.suffix == suffix))
            except (ImportError, subprocess.CalledProcessError) as exc:
                other = None
                # The old version's own dependencies (v1 read HTML with bs4) may not be installed any more.
                print(f"not comparing with {args.against}: it cannot be loaded here ({exc})", file=sys.stderr)
                args.against = "none"
        # Warm-up: imports (bs4, pysbd), regex compilation and the OS file cache.
        for p in paths[:20]:
            extract_claims(read_article(p).text)
            if other is not None:
                other.extract_claims(other.read_article(p).text)
        articles = [read_article(p) for p in paths]

        def baseline() -> int:
            return sum(len(p.read_text(encoding="utf-8").split(". ")) for p in paths)

        def pysbd_alone() -> int:
            import pysbd

            segmenter = pysbd.Segmenter(language="en", clean=False)
            return sum(len(segmenter.segment(p.read_text(encoding="utf-8"))) for p in paths)

        def stages_of(module: ModuleType) -> list[Callable[[], int]]:
            read, extract = module.read_article, module.extract_claims
            return [
                lambda: sum(len(read(p).text) for p in paths),
                lambda: sum(len(extract(a.text)) for a in articles),
                lambda: sum(len(extract(read(p).text)) for p in paths),
            ]

        import claimreview.extract as current

        names = ["read_article", "extract_claims", "read_article + extract_claims"]
        runs = [baseline, *stages_of(current)] + (stages_of(other) if other is not None else [])
        timed = best_of(args.repeat, runs)
        rows = [("baseline: read + str.split('. ')", *timed[0])]
        rows += [(name, *t) for name, t in zip(names, timed[1:4], strict=True)]
        if other is not None:
            rows += [(f"{name} @{args.against}", *t) for name, t in zip(names, timed[4:], strict=True)]
        if args.pysbd:
            # For scale: what plain pysbd costs on the same files (one run, it is slow).
            rows.append(("reference: read + pysbd alone", *best_of(1, [pysbd_alone])[0]))

    base_seconds = rows[0][1]
    mb = total_bytes / 1_000_000
    python = sys.version.split()[0]
    formats = ",".join(only) or "all formats"
    print(f"{len(paths)} articles ({formats}), {mb:.2f} MB, best of {args.repeat} runs, Python {python}")
    print(f"{'stage':<44} {'seconds':>8} {'articles/s':>11} {'MB/s':>7} {'x baseline':>11}")
    for name, seconds, _ in rows:
        print(
            f"{name:<44} {seconds:>8.3f} {len(paths) / seconds:>11,.0f} {mb / seconds:>7.2f}"
            f" {seconds / base_seconds:>11.1f}"
        )
    claims = rows[3][2]
    print(f"claims extracted: {claims} ({claims / len(paths):.1f} per article)")
    if other is not None:
        print(f"time ratio this version / {args.against} (lower is faster):")
        for i, name in enumerate(names):
            print(f"  {name:<42} {rows[1 + i][1] / rows[4 + i][1]:>6.2f}")


if __name__ == "__main__":
    main()
