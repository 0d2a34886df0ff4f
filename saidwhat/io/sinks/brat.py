"""brat standoff: NAME.txt and NAME.ann per article in a directory, as in PolNeAR."""

from __future__ import annotations

import re
from pathlib import Path

from saidwhat.records import Article, Offsets

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _file_name(article_id: str) -> str:
    """An article id as a safe file name stem."""
    return _UNSAFE.sub("_", article_id).strip("._") or "article"


def brat_pieces(text: str, spans: Offsets) -> Offsets:
    """Spans cut at line breaks and trimmed of whitespace, as brat annotations expect."""
    pieces = []
    for s, e in spans:
        pos = s
        for part in re.split(r"(\n)", text[s:e]):
            lead = len(part) - len(part.lstrip())
            core = part.strip()
            if part != "\n" and core:
                pieces.append((pos + lead, pos + lead + len(core)))
            pos += len(part)
    return tuple(pieces)


def brat_lines(article: Article) -> list[str]:
    """The .ann lines of an article: T lines for Source, Cue, Content and trigger, one E each."""
    lines: list[str] = []
    counter = {"T": 0, "E": 0}

    def bound(label: str, spans: Offsets) -> str | None:
        pieces = brat_pieces(article.text, spans)
        if not pieces:
            return None
        counter["T"] += 1
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        quoted = " ".join(article.text[s:e] for s, e in pieces)
        lines.append(f"T{counter['T']}\t{label} {offsets}\t{quoted}")
        return f"T{counter['T']}"

    for a in article.attributions:
        content = bound("Content", a.content.spans)
        if content is None:
            continue
        source = bound("Source", a.source.spans) if a.source else None
        cue = bound("Cue", a.cue.spans) if a.cue else None
        event = "Attribution" if source else "Attribution-no-source"
        trigger = bound(event, a.cue.spans if a.cue and cue else a.content.spans)
        counter["E"] += 1
        args = [f"{event}:{trigger}", f"Content:{content}"]
        args += [f"Cue:{cue}"] if cue else []
        args += [f"Source:{source}"] if source else []
        lines.append(f"E{counter['E']}\t" + " ".join(args))
    return lines


class BratSink:
    """brat standoff: NAME.txt and NAME.ann per article in a directory, as in PolNeAR."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise ValueError(f"brat output must be a directory, and {directory} is a file")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()

    def name_for(self, article: Article) -> str:
        """A file stem unique within this output."""
        base = _file_name(article.id)
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        return name

    def write(self, article: Article) -> None:
        """Write NAME.txt (the text, unchanged) and NAME.ann."""
        name = self.name_for(article)
        (self.directory / f"{name}.txt").write_text(article.text, encoding="utf-8", newline="")
        lines = brat_lines(article)
        (self.directory / f"{name}.ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", newline="")

    def close(self) -> None:
        """Nothing to finish: every article is written whole."""
