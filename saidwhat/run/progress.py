"""A progress display on stderr for a stream of processed articles: counts, rates, failures, ETA."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from saidwhat.records import Article, Failure


def _rate(n: float, seconds: float) -> str:
    """n per second, compactly."""
    r = n / seconds if seconds > 0 else 0.0
    return f"{r / 1000:.1f}k" if r >= 10_000 else f"{r:.0f}" if r >= 10 else f"{r:.1f}"


def track(results: Iterable[Article | Failure], total: int | None = None
          ) -> Iterator[Article | Failure]:
    """Pass results through unchanged while showing articles, articles/s, words/s, failures, ETA."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("[bold]saidwhat"), BarColumn() if total else TextColumn(""),
               TextColumn("{task.completed}" + (f"/{total}" if total else "") + " articles"),
               TextColumn("{task.fields[rates]}"), TextColumn("{task.fields[failed]} failed")]
    if total:
        columns.append(TimeRemainingColumn())
    start, words, failed = time.perf_counter(), 0, 0
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("extract", total=total, rates="", failed=0)
        for n, item in enumerate(results, 1):
            if isinstance(item, Failure):
                failed += 1
            else:
                words += len(item.text.split())
            elapsed = time.perf_counter() - start
            bar.update(task, completed=n, failed=failed,
                       rates=f"{_rate(n, elapsed)} articles/s {_rate(words, elapsed)} words/s")
            yield item
