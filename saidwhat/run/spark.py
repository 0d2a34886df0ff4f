"""Extraction on Apache Spark: the per-article function inside mapPartitions, output as Parquet.

    saidwhat spark INPUT OUTPUT [--master local[4]] [--model NAME] [--partitions N]
    spark-submit saidwhat/cli/spark.py INPUT OUTPUT [--model NAME] [--partitions N]

INPUT is a file, a directory or a glob of input files (every kind in saidwhat.io.kinds), on any
filesystem Spark reads. OUTPUT becomes a directory: OUTPUT/articles (one row per article,
attributions nested, the Parquet record schema) and OUTPUT/failures (origin, error).
"""

from __future__ import annotations

import glob
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from saidwhat.io.discover import input_files
from saidwhat.io.kinds import DEFAULT_MAX_BYTES, SUFFIXES
from saidwhat.settings import Settings

FAILURE_FIELDS = ("origin", "error")


@dataclass(frozen=True)
class SparkCounts:
    """What a Spark run read and wrote."""

    files: int
    articles: int
    failures: int

    def summary(self) -> str:
        """One line for the user."""
        return f"{self.files} files: {self.articles} articles, {self.failures} failures"


def require_pyspark() -> None:
    """Raise a one-line error when pyspark is not installed."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(
            "pyspark is not installed: pip install 'saidwhat[spark]' (and Java 17+)") from exc


def is_local(path: str) -> bool:
    """Whether a path is on the local filesystem (no scheme, or file:)."""
    scheme = urlparse(path).scheme
    return scheme in ("", "file") or len(scheme) == 1  # a Windows drive letter is not a scheme


def local_files(path: str) -> list[str]:
    """The input files under a local file, directory or glob, sorted."""
    path = urlparse(path).path if path.startswith("file:") else path
    if any(ch in path for ch in "*?["):
        roots = [Path(p) for p in sorted(glob.glob(path))]
    else:
        roots = [Path(path)]
    files: list[str] = []
    for root in roots:
        if root.is_dir():
            files.extend(f for f in input_files([str(root)]) if isinstance(f, str))  # every kind
        elif root.is_file():
            files.append(str(root))
    if not roots or not any(r.exists() for r in roots):
        raise FileNotFoundError(f"{path}: no such file or directory")
    return files


def record_schema() -> Any:
    """The pyarrow record schema of the Parquet sink: one row per article, attributions nested."""
    from saidwhat.io.sinks.parquet import RECORD_SCHEMA

    return RECORD_SCHEMA


def spark_type(t: Any) -> Any:
    """The Spark SQL type of a pyarrow type (the kinds the record schema uses)."""
    import pyarrow as pa
    from pyspark.sql import types as T

    if pa.types.is_struct(t):
        return T.StructType([T.StructField(t.field(i).name, spark_type(t.field(i).type),
                                           t.field(i).nullable) for i in range(t.num_fields)])
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return T.ArrayType(spark_type(t.value_type), True)
    simple = [(pa.types.is_string, T.StringType), (pa.types.is_large_string, T.StringType),
              (pa.types.is_boolean, T.BooleanType), (pa.types.is_int8, T.ByteType),
              (pa.types.is_int16, T.ShortType), (pa.types.is_int32, T.IntegerType),
              (pa.types.is_integer, T.LongType), (pa.types.is_float32, T.FloatType),
              (pa.types.is_floating, T.DoubleType), (pa.types.is_timestamp, T.TimestampType),
              (pa.types.is_date, T.DateType)]
    for test, spark in simple:
        if test(t):
            return spark()
    raise TypeError(f"no Spark type for Arrow type {t}")


def spark_schema(schema: Any) -> Any:
    """The Spark StructType of a pyarrow schema."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.name, spark_type(f.type), f.nullable) for f in schema])


def article_row(article: Any, names: Sequence[str]) -> dict[str, Any]:
    """An Article as a row of the record schema (the fields of Article.to_dict)."""
    row = article.to_dict()
    return {name: row.get(name) for name in names}


def annotate_files(
    files: Iterable[tuple[str, bytes | None]], model: str | None, max_bytes: int,
    settings: Settings | None = None,
) -> Iterator[tuple[str, Any]]:
    """Per partition: read the files, annotate in batches (model loaded once), tag each result."""
    from saidwhat.io.discover import read_inputs
    from saidwhat.records import Failure
    from saidwhat.run import nlp, runners

    model_nlp = nlp.load(model)  # cached: once per partition at most, once per Python worker
    engine = nlp.load_engine(settings)
    run = engine.settings.run
    for name, content in files:
        yield "file", name  # counted, not written
        with tempfile.TemporaryDirectory(prefix="saidwhat-") as tmp:
            path = name
            if content is not None:  # a remote file handed over as bytes: give it a local name
                path = os.path.join(tmp, os.path.basename(urlparse(name).path) or "input")
                with open(path, "wb") as fh:
                    fh.write(content)
            try:
                for batch in runners.batches(read_inputs([path], max_bytes),
                                             run.batch_articles, run.batch_chars):
                    for item in runners.annotate_batch(model_nlp, batch, engine):
                        if isinstance(item, Failure):
                            origin = item.origin.replace(path, name)
                            yield "failure", {"origin": origin, "error": item.error}
                        else:
                            yield "article", item
            except Exception as exc:  # noqa: BLE001 - one unreadable file must not kill the job
                yield "failure", {"origin": name, "error": f"{type(exc).__name__}: {exc}"}


def _session(master: str | None) -> Any:
    """A SparkSession: the given master, spark-submit's, or local[*]."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("saidwhat")
    if master or not SparkConf().contains("spark.master"):
        master = master or "local[*]"
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = builder.config("spark.ui.enabled", "false")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def run(
    input: str,
    output: str,
    *,
    master: str | None = None,
    model: str | None = None,
    partitions: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    spark: Any | None = None,
    settings: Settings | None = None,
) -> SparkCounts:
    """Extract every article under input with Spark (engine tuned by `settings`); write
    OUTPUT/articles and OUTPUT/failures."""
    require_pyspark()
    from pyspark import StorageLevel

    session = spark or _session(master)
    sc = session.sparkContext
    if is_local(input):
        files = local_files(input)
        if not files:
            raise ValueError(f"{input}: no input files ({' '.join(SUFFIXES)})")
        per_core = (settings or Settings()).run.spark_partitions_per_core
        n = partitions or min(len(files), sc.defaultParallelism * per_core)
        rdd = sc.parallelize([(f, None) for f in files], max(1, n))
    else:
        rdd = sc.binaryFiles(input, partitions or sc.defaultParallelism)
    schema = record_schema()
    names = list(schema.names)
    tagged = rdd.mapPartitions(
        lambda part: annotate_files(part, model, max_bytes, settings)
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        from pyspark.sql import types as T

        articles = tagged.filter(lambda t: t[0] == "article").map(
            lambda t: article_row(t[1], names))
        failures = tagged.filter(lambda t: t[0] == "failure").map(lambda t: t[1])
        out = output.rstrip("/")
        session.createDataFrame(articles, spark_schema(schema)).write.mode("overwrite").parquet(
            f"{out}/articles")
        failure_schema = T.StructType([T.StructField(f, T.StringType(), True)
                                       for f in FAILURE_FIELDS])
        session.createDataFrame(failures, failure_schema).write.mode("overwrite").parquet(
            f"{out}/failures")
        counts = tagged.map(lambda t: t[0]).countByValue()
    finally:
        tagged.unpersist()
    return SparkCounts(files=counts.get("file", 0), articles=counts.get("article", 0),
                       failures=counts.get("failure", 0))
