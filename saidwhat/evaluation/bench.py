"""`saidwhat bench`: throughput and peak memory of saidwhat against bare spaCy and textacy."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from saidwhat.settings import Settings

VARIANTS = ("saidwhat-1", "saidwhat-n", "spacy", "textacy")
SPACY_BATCH = 32  # the batch size saidwhat's pipeline uses, so the comparison is like for like
TARGET_VS_SPACY = 0.8
TARGET_SCALING_2 = 1.8
CHILD_MODULE = "saidwhat.cli.bench"  # measures one variant in a fresh process (`--child`)


@dataclass(frozen=True)
class Measure:
    """One variant's run over the texts, measured in its own process."""

    variant: str
    workers: int
    articles: int
    words: int
    seconds: float  # end to end: model loading and worker start-up included
    steady_seconds: float  # processing only: models loaded, workers started
    load_seconds: float  # model loading (for the pool: starting the workers, each loading it)
    peak_rss_mb: float  # the main process
    worker_peak_rss_mb: float | None  # the largest worker process (pool only)
    failures: int

    @property
    def words_per_s(self) -> float:
        """Steady-state words per second."""
        return self.words / self.steady_seconds if self.steady_seconds > 0 else 0.0

    @property
    def articles_per_s(self) -> float:
        """Steady-state articles per second."""
        return self.articles / self.steady_seconds if self.steady_seconds > 0 else 0.0

    @property
    def e2e_words_per_s(self) -> float:
        """End-to-end words per second."""
        return self.words / self.seconds if self.seconds > 0 else 0.0


def default_texts() -> Path:
    """The PolNeAR dev texts in ../shared next to the repository (or next to the working dir)."""
    for root in (Path(__file__).resolve().parents[2].parent, Path.cwd().parent, Path.cwd()):
        candidate = root / "shared" / "data" / "polnear" / "dev" / "text"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "no PATH given and the PolNeAR dev texts (../shared/data/polnear/dev/text) are absent")


def text_files(paths: Sequence[str], limit: int | None) -> list[Path]:
    """The input files under the given paths (or the default texts), every kind `extract` reads
    (saidwhat.io.kinds), in its order, at most limit."""
    from saidwhat.io.discover import input_files

    roots = [Path(p) for p in paths] or [default_texts()]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files.extend(Path(f) for f in input_files([str(root)]) if isinstance(f, str))
        elif root.is_file():
            files.append(root)
        else:
            raise FileNotFoundError(f"{root}: no such file or directory")
    if not files:
        raise ValueError(f"no .txt files (nor other inputs) under {', '.join(map(str, roots))}")
    return files[:limit] if limit else files


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB of this process (or its largest waited-for child)."""
    return resource.getrusage(who).ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def _articles(files: list[Path]) -> list[Any]:
    """The texts as saidwhat Articles, read the way `saidwhat extract` reads them."""

    from saidwhat.io.discover import read_inputs
    from saidwhat.io.kinds import DEFAULT_MAX_BYTES

    return list(read_inputs([str(f) for f in files], DEFAULT_MAX_BYTES))


def _consume(results: Iterator[Any]) -> tuple[int, int, float]:
    """Drain results: how many, how many failed (None or a Failure), when the last one came."""
    from saidwhat.records import Failure

    n = failures = 0
    for item in results:
        n += 1
        failures += item is None or isinstance(item, Failure)
    return n, failures, time.perf_counter()


def _spacy_results(
    model: str | None, texts: list[str], textacy: bool
) -> tuple[Iterator[Any], float]:
    """Bare spaCy (optionally textacy's direct quotations) over the texts, and the load time."""
    from saidwhat.run import nlp

    extra = None
    if textacy:
        import textacy.extract.triples as triples

        extra = triples.direct_quotations
    t0 = time.perf_counter()
    model_nlp = nlp.load(model)
    load_s = time.perf_counter() - t0

    def run() -> Iterator[Any]:
        for doc in model_nlp.pipe(texts, batch_size=SPACY_BATCH):
            try:
                if extra is not None:
                    list(extra(doc))
            except ValueError:  # textacy bails out on unbalanced quotation marks
                yield None
                continue
            yield doc

    return run(), load_s


def measure(variant: str, files: list[Path], model: str | None, workers: int,
            settings: Settings | None = None) -> Measure:
    """Run one variant in this process (call it in a fresh one) and measure it."""
    from saidwhat.records import Article

    articles = _articles(files)
    texts = [a.text for a in articles if isinstance(a, Article)]  # as extract reads them
    words = sum(len(t.split()) for t in texts)
    worker_peak: float | None = None
    if variant == "saidwhat-n":
        from saidwhat.run import runners

        items = articles
        t0 = time.perf_counter()
        with runners.WorkerPool(model, workers, settings) as pool:
            pool.warm()
            ready = time.perf_counter()
            n, failures, end = _consume(pool.map(items))
        worker_peak = peak_rss_mb(resource.RUSAGE_CHILDREN)
        load_s = ready - t0
    elif variant == "saidwhat-1":
        from saidwhat.run import nlp, runners

        items = articles
        workers = 1
        t0 = time.perf_counter()
        nlp.load(model)
        nlp.load_engine(settings)
        ready = time.perf_counter()
        load_s = ready - t0
        n, failures, end = _consume(runners.process(items, model=model, workers=1,
                                                    settings=settings))
    else:
        workers = 1
        t0 = time.perf_counter()
        results, load_s = _spacy_results(model, texts, textacy=variant == "textacy")
        ready = t0 + load_s
        n, failures, end = _consume(results)
    return Measure(
        variant=variant, workers=workers, articles=n, words=words, seconds=end - t0,
        steady_seconds=end - ready, load_seconds=load_s, peak_rss_mb=peak_rss_mb(),
        worker_peak_rss_mb=worker_peak, failures=failures,
    )


def run_variant(variant: str, files: list[Path], model: str | None, workers: int,
                settings_file: str | None = None) -> Measure:
    """Measure one variant in a fresh Python process, so peak memory is its own."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(str(f) for f in files))
    try:
        cmd = [sys.executable, "-m", CHILD_MODULE, "--child", variant, fh.name,
               "--workers", str(workers)] + (["--model", model] if model else [])
        cmd += ["--settings", settings_file] if settings_file else []
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    finally:
        os.unlink(fh.name)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"bench variant {variant} failed: {last}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return Measure(**data)


def ratios(results: dict[str, Measure]) -> dict[str, float]:
    """saidwhat 1 worker / bare spaCy, N workers / 1 worker, saidwhat / textacy (steady words/s)."""
    out = {}
    one = results.get("saidwhat-1")
    if one and one.words_per_s:
        if "spacy" in results:
            out["saidwhat_vs_spacy"] = one.words_per_s / results["spacy"].words_per_s
        if "saidwhat-n" in results:
            out["n_workers_vs_1"] = results["saidwhat-n"].words_per_s / one.words_per_s
            out["n_workers_vs_1_end_to_end"] = (
                results["saidwhat-n"].e2e_words_per_s / one.e2e_words_per_s)
        if "textacy" in results:
            out["saidwhat_vs_textacy"] = one.words_per_s / results["textacy"].words_per_s
    return out


def report(results: dict[str, Measure], rs: dict[str, float], workers: int) -> str:
    """A plain-text table of the measures, ratios and targets."""
    rows = [f"{'variant':<14}{'workers':>8}{'articles':>9}{'words/s':>10}{'art/s':>8}"
            f"{'e2e w/s':>10}{'seconds':>9}{'load s':>8}{'peak MB':>9}{'worker MB':>10}"
            f"{'failed':>7}"]
    for m in results.values():
        rows.append(
            f"{m.variant:<14}{m.workers:>8}{m.articles:>9}{m.words_per_s:>10.0f}"
            f"{m.articles_per_s:>8.1f}{m.e2e_words_per_s:>10.0f}{m.seconds:>9.2f}"
            f"{m.load_seconds:>8.2f}"
            f"{m.peak_rss_mb:>9.0f}"
            f"{(f'{m.worker_peak_rss_mb:.0f}' if m.worker_peak_rss_mb else '-'):>10}"
            f"{m.failures:>7}")
    rows.append("words/s, art/s: processing only (models loaded, workers started); "
                "e2e w/s and seconds include loading.")
    if "saidwhat_vs_spacy" in rs:
        ok = "met" if rs["saidwhat_vs_spacy"] >= TARGET_VS_SPACY else "NOT met"
        rows.append(f"saidwhat / bare spaCy (1 worker): {rs['saidwhat_vs_spacy']:.2f}x "
                    f"(target >= {TARGET_VS_SPACY}x: {ok})")
    if "n_workers_vs_1" in rs:
        met = "met" if rs["n_workers_vs_1"] >= TARGET_SCALING_2 else "NOT met"
        target = f" (target >= {TARGET_SCALING_2}x with 2: {met})" if workers == 2 else ""
        rows.append(f"{workers} workers / 1 worker: {rs['n_workers_vs_1']:.2f}x steady, "
                    f"{rs['n_workers_vs_1_end_to_end']:.2f}x end to end{target}")
    if "saidwhat_vs_textacy" in rs:
        rows.append(f"saidwhat / textacy direct_quotations: {rs['saidwhat_vs_textacy']:.2f}x")
    return "\n".join(rows)
