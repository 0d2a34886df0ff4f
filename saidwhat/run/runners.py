"""Where per-article work runs: in this process or a pool of worker processes, input order kept."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from spacy.language import Language

from saidwhat.records import Article, Failure
from saidwhat.settings import RunSettings, Settings

if TYPE_CHECKING:
    from saidwhat.engine.engine import Engine

# Batches are small (settings.run.batch_articles) so workers finish together (the tail is one
# batch), and few are queued per worker (in_flight_per_worker): busy workers, flat memory.
START_METHOD_ENV = "SAIDWHAT_START_METHOD"  # spawn (default) | fork | forkserver

Item = Article | Failure

_worker_nlp: Language | None = None  # the model, loaded once per worker process
_worker_engine: Engine | None = None  # ...and the engine of the settings the pool was given


def process(
    items: Iterable[Item],
    model: str | None = None,
    workers: int | None = None,
    progress: bool | str = False,
    *,
    total: int | None = None,
    settings: Settings | None = None,
) -> Iterator[Item]:
    """Annotate a stream of articles in input order with these settings; failures pass through.

    `progress`: True shows a live display when stderr is a terminal; "always" does that, or
    plain progress lines when stderr is not a terminal (a log, a pipe); "lines" always prints
    plain lines."""
    n = workers if workers is not None else available_cpus()
    results = (_in_process(items, model, settings) if n <= 1
               else _pooled(items, model, n, settings))
    if progress == "lines" or (progress == "always" and not sys.stderr.isatty()):
        from saidwhat.run.progress import track_lines

        return track_lines(results, total=total)
    if progress and sys.stderr.isatty():
        from saidwhat.run.progress import track

        if total is None and hasattr(items, "__len__"):
            total = len(items)  # type: ignore[arg-type]
        return track(results, total=total)
    return results


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask), else the CPU count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def annotate_batch(nlp: Language, batch: list[Item], engine: Engine | None = None) -> list[Item]:
    """One batch annotated; if the batch raises, each article alone, a raising one a Failure."""
    from saidwhat.run import pipeline

    try:
        return list(pipeline.annotate_many(nlp, batch, max(1, len(batch)), engine))
    except Exception:  # noqa: BLE001 - find the culprit article by article
        return [_annotate_one(nlp, x, engine) for x in batch]


def _annotate_one(nlp: Language, item: Item, engine: Engine | None) -> Item:
    """One article annotated, or the Failure it raised."""
    from saidwhat.run import pipeline

    if isinstance(item, Failure):
        return item
    try:
        return pipeline.annotate(nlp, item, engine)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return Failure(item.origin or item.id, f"processing failed: {type(exc).__name__}: {exc}")


def batches(items: Iterable[Item], size: int | None = None, chars: int | None = None
            ) -> Iterator[list[Item]]:
    """The stream cut into lists of at most `size` items or about `chars` characters of text
    (default: the run settings' batch_articles and batch_chars)."""
    size, chars = size or RunSettings.batch_articles, chars or RunSettings.batch_chars
    batch: list[Item] = []
    held = 0
    for item in items:
        batch.append(item)
        held += len(item.text) if isinstance(item, Article) else 0
        if len(batch) >= size or held >= chars:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _in_process(items: Iterable[Item], model: str | None,
                settings: Settings | None) -> Iterator[Item]:
    """Annotate in this process."""
    from saidwhat.run import nlp

    model_nlp = nlp.load(model)
    engine = nlp.load_engine(settings)
    run = engine.settings.run
    for batch in batches(items, run.batch_articles, run.batch_chars):
        yield from annotate_batch(model_nlp, batch, engine)


def _init_worker(model: str | None, parent_pid: int | None = None,
                 settings: Settings | None = None) -> None:
    """Pool initializer: tie this worker's life to its parent's, then load the model and the
    engine once."""
    global _worker_nlp, _worker_engine
    from saidwhat.run import lifeline, nlp

    if parent_pid is not None:
        interval = (settings or Settings()).run.orphan_watch_seconds
        lifeline.tie_to_parent(parent_pid, interval=interval)
    _worker_nlp = nlp.load(model)
    _worker_engine = nlp.load_engine(settings)


def _work(batch: list[Item]) -> list[Item]:
    """A worker's task: annotate one batch with the worker's model."""
    assert _worker_nlp is not None, "worker started without its model"
    return annotate_batch(_worker_nlp, batch, _worker_engine)


def _ready(pause: float) -> int:
    """A warm-up task: returns once this worker has its model (pausing so each worker gets one)."""
    assert _worker_nlp is not None, "worker started without its model"
    time.sleep(pause)
    return os.getpid()


class WorkerPool:
    """Worker processes that each load the model once; map() streams batches through them."""

    def __init__(self, model: str | None, workers: int, settings: Settings | None = None) -> None:
        from saidwhat.run import nlp

        # resolve the default here: a missing model fails once, in one line, not in every worker
        self.model = model if model is not None else nlp.default_model_name()
        self.workers = workers
        self.settings = settings if settings is not None else Settings()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A fresh executor."""
        method = os.environ.get(START_METHOD_ENV, "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_init_worker,
                                   initargs=(self.model, os.getpid(), self.settings))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers, dropping queued work."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def warm(self) -> None:
        """Start every worker and wait until each has loaded the model."""
        futures = [self._executor.submit(_ready, 0.2) for _ in range(self.workers)]
        for f in futures:
            f.result()

    def map(self, items: Iterable[Item]) -> Iterator[Item]:
        """Annotate with a bounded number of batches in flight, results in input order."""
        run = self.settings.run
        limit = self.workers * run.in_flight_per_worker
        pending: deque[tuple[list[Item], Future[list[Item]]]] = deque()
        done_since_start = 0
        stream = batches(items, run.batch_articles, run.batch_chars)
        while True:
            while len(pending) < limit:
                batch = next(stream, None)
                if batch is None:
                    break
                pending.append((batch, self._executor.submit(_work, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                result = future.result()
                done_since_start += 1
            except BrokenProcessPool:
                if done_since_start == 0:
                    _raise_if_model_broken(self.model)
                self._restart()
                result = self._retried(batch)  # the pool breaks for every batch in flight
                done_since_start = 0
                pending = deque((b, self._executor.submit(_work, b)) for b, _ in pending)
            yield from result

    def _restart(self) -> None:
        """Replace a broken executor with a fresh one."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()

    def _alone(self, batch: list[Item]) -> list[Item] | None:
        """The batch annotated with nothing else in flight, or None when it breaks the pool."""
        try:
            return self._executor.submit(_work, batch).result()
        except BrokenProcessPool:
            self._restart()
            return None

    def _retried(self, batch: list[Item]) -> list[Item]:
        """A batch that was in flight when the pool broke, run again alone; when it breaks the
        pool again, article by article, so only the article that kills its worker fails."""
        result = self._alone(batch)
        if result is not None:
            return result
        out: list[Item] = []
        for x in batch:
            alone = None if isinstance(x, Failure) else self._alone([x])
            out.extend(alone if alone is not None else [x if isinstance(x, Failure) else Failure(
                x.origin or x.id, "worker process died on this article")])
        return out


def _pooled(items: Iterable[Item], model: str | None, workers: int,
            settings: Settings | None) -> Iterator[Item]:
    """Annotate in a pool of worker processes, in input order."""
    with WorkerPool(model, workers, settings) as pool:
        yield from pool.map(items)


def _raise_if_model_broken(model: str | None) -> None:
    """After a pool broke before finishing anything: raise if the model cannot load at all."""
    from saidwhat.run import nlp

    try:
        nlp.load(model)
    except Exception as exc:
        raise RuntimeError(f"worker processes could not load the model: {exc}") from exc
