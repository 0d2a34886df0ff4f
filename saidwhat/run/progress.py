"""A progress display on stderr for a stream of processed articles: counts, rates, failures, ETA."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO

from saidwhat.records import Article, Failure


def _rate(n: float, seconds: float) -> str:
    """n per second, compactly."""
    r = n / seconds if seconds > 0 else 0.0
    return f"{r / 1000:.1f}k" if r >= 10_000 else f"{r:.0f}" if r >= 10 else f"{r:.1f}"


def plural(n: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def status(n: int, failed: int, seconds: float, total: int | None = None) -> str:
    """One progress line: counts, rate and failures."""
    done = f"{n:,}/{total:,} articles" if total else plural(n, "article")
    return f"{done}, {_rate(n, seconds)} articles/s, {failed:,} failed"


def track_lines(results: Iterable[Article | Failure], total: int | None = None,
                every: float = 5.0, out: IO[str] | None = None
                ) -> Iterator[Article | Failure]:
    """Pass results through unchanged while printing a plain progress line on stderr every
    `every` seconds and at the end (for logs and pipes: no cursor movement)."""
    out = out or sys.stderr
    start = last = time.perf_counter()
    n = failed = 0
    for item in results:
        n += 1
        failed += isinstance(item, Failure)
        now = time.perf_counter()
        if now - last >= every:
            _line(out, status(n, failed, now - start, total))
            last = now
        yield item
    _line(out, status(n, failed, time.perf_counter() - start, total))


def _line(out: IO[str], text: str) -> None:
    """One progress line on the display stream (stderr), flushed at once."""
    out.write(f"saidwhat: {text}\n")
    out.flush()


def track(results: Iterable[Article | Failure], total: int | None = None
          ) -> Iterator[Article | Failure]:
    """Pass results through unchanged while showing articles, articles/s, words/s, failures, ETA."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("[bold]saidwhat"), BarColumn() if total else TextColumn(""),
               TextColumn("{task.completed}" + (f"/{total}" if total else "")
                          + " {task.fields[noun]}"),
               TextColumn("{task.fields[rates]}"), TextColumn("{task.fields[failed]} failed")]
    if total:
        columns.append(TimeRemainingColumn())
    start, words, failed = time.perf_counter(), 0, 0
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("extract", total=total, rates="", failed=0,
                            noun="article" if total == 1 else "articles")
        for n, item in enumerate(results, 1):
            if isinstance(item, Failure):
                failed += 1
            else:
                words += len(item.text.split())
            elapsed = time.perf_counter() - start
            bar.update(task, completed=n, failed=failed,
                       noun="article" if n == 1 and total in (None, 1) else "articles",
                       rates=f"{_rate(n, elapsed)} articles/s {_rate(words, elapsed)} words/s")
            yield item
