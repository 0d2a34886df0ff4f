"""Extract the same inputs with two versions of saidwhat and diff the JSONL records.

    python scripts/compare_outputs.py BEFORE AFTER [--inputs PATH ...] [--ignore FIELD ...]

BEFORE and AFTER are git revisions of this repository (exported with `git archive`, so no
worktree is touched) or folders holding a saidwhat source tree. Both run with the same Python
(this one, or --python), each with its own tree first on PYTHONPATH. The inputs default to
the bundled examples/ and, when ../shared (or --shared) exists, the PolNeAR dev texts. Records
are matched by input and id and compared field by field; --ignore drops a field from both
sides (e.g. `positions` when comparing with a revision from before records had them). Exit
status 0 when every record is identical, 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ENTRY_POINT_MODULE = "saidwhat.engine.component"  # pyproject.toml's spacy_factories entry point


def default_inputs(shared: Path) -> list[Path]:
    """The bundled examples, plus PolNeAR dev's texts when the shared data is there."""
    dev = shared / "data" / "polnear" / "dev" / "text"
    return [ROOT / "examples"] + ([dev] if dev.is_dir() else [])


def source_tree(version: str, scratch: Path) -> Path:
    """A folder holding saidwhat at `version`: the folder itself, or a git revision exported."""
    if Path(version).is_dir():
        return Path(version).resolve()
    target = scratch / version.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", version,
                              "saidwhat"], capture_output=True, check=False)
    if archive.returncode != 0:
        raise SystemExit(f"compare_outputs: not a folder or git revision: {version}: "
                         f"{archive.stderr.decode(errors='replace').strip()}")
    tar_path = scratch / f"{target.name}.tar"
    tar_path.write_bytes(archive.stdout)
    with tarfile.open(tar_path) as tar:
        tar.extractall(target, filter="data")
    _stub_entry_point(target)
    return target


def _stub_entry_point(tree: Path) -> None:
    """Give an older tree the module the installed spaCy entry point names, so spaCy's factory
    lookup imports a stub from this tree rather than the installed (newer) saidwhat's module."""
    module = tree / ENTRY_POINT_MODULE.replace(".", "/")
    if module.with_suffix(".py").exists():
        return
    for package in reversed(module.relative_to(tree).parents[:-1]):
        init = tree / package / "__init__.py"
        if not init.exists():
            init.parent.mkdir(parents=True, exist_ok=True)
            init.write_text("", encoding="utf-8")
    module.with_suffix(".py").write_text(
        "def make_saidwhat(*args, **kwargs):\n"
        "    raise RuntimeError('no saidwhat spaCy component in this revision')\n",
        encoding="utf-8")


def extract(tree: Path, inputs: Sequence[Path], python: str, workers: int) -> list[str]:
    """`saidwhat extract -f jsonl` of each input with the given tree; the JSONL lines."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    lines: list[str] = []
    for path in inputs:
        done = subprocess.run(
            [python, "-m", "saidwhat", "extract", "-q", "-f", "jsonl", "--workers", str(workers),
             str(path)], capture_output=True, text=True, env=env, cwd=str(tree), check=False)
        if done.returncode not in (0, 1):  # 1: some inputs failed, the rest was written
            raise SystemExit(f"compare_outputs: extract failed with {tree}: "
                             f"{done.stderr.strip().splitlines()[-1:]}")
        lines.extend(f"{path.name}\t{line}" for line in done.stdout.splitlines() if line)
    return lines


def records(lines: Sequence[str], ignore: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Records keyed by input folder and id, the ignored fields dropped."""
    out: dict[str, dict[str, Any]] = {}
    for line in lines:
        where, _, data = line.partition("\t")
        record = json.loads(data)
        for name in ignore:
            record.pop(name, None)
        out[f"{where}/{record['id']}"] = record
    return out


def differences(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
                ) -> list[str]:
    """One line per record missing on a side or differing, naming the fields that differ."""
    out = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if a is None or b is None:
            out.append(f"{key}: only {'after' if a is None else 'before'}")
        elif a != b:
            fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
            out.append(f"{key}: {', '.join(fields)} differ")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Extract with both versions and report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("before", help="git revision or source folder")
    p.add_argument("after", help="git revision or source folder")
    p.add_argument("--inputs", nargs="+", type=Path, default=None,
                   help="files or folders to extract (default: examples/ and PolNeAR dev)")
    p.add_argument("--shared", type=Path, default=SHARED,
                   help=f"the shared data folder (default {SHARED})")
    p.add_argument("--ignore", nargs="*", default=[], metavar="FIELD",
                   help="record fields to leave out of the comparison")
    p.add_argument("--python", default=sys.executable, help="the Python that runs both")
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args(argv)
    inputs = [i.resolve() for i in args.inputs] if args.inputs else default_inputs(args.shared)
    with tempfile.TemporaryDirectory(prefix="saidwhat-compare-") as scratch:
        trees = [source_tree(v, Path(scratch)) for v in (args.before, args.after)]
        before, after = (records(extract(t, inputs, args.python, args.workers), args.ignore)
                         for t in trees)
    diffs = differences(before, after)
    names = ", ".join(str(i) for i in inputs)
    ignored = f" (ignoring {', '.join(args.ignore)})" if args.ignore else ""
    print(f"{args.before} -> {args.after} on {names}{ignored}: {len(before)} records before, "
          f"{len(after)} after, {len(diffs)} differ")
    for line in diffs:
        print(f"  {line}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
