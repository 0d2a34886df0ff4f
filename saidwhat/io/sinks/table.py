"""A readable table per article on a terminal (rich): speaker, kind, type, quote, source."""

from __future__ import annotations

from typing import IO

from saidwhat.records import Article, Attribution

QUOTE_WIDTH = 110  # table quotes are cut to this many characters


def trim(text: str, width: int = 160) -> str:
    """Text on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def resolution(a: Attribution) -> str:
    """How the source was resolved: 'he → Putin (pronoun)'."""
    source = trim(a.source.text, 40) if a.source else "—"
    if a.speaker is None:
        return source
    if a.source and a.speaker.name == a.source.text:
        return f"{source} ({a.speaker.resolved_by})"
    return f"{source} → {a.speaker.name} ({a.speaker.resolved_by})"


class TableSink:
    """A rich table per article, titled with its id: speaker, kind, type, quote, source."""

    def __init__(self, out: IO[str], width: int | None = None) -> None:
        from rich.console import Console

        self.out = out
        terminal = out.isatty() if hasattr(out, "isatty") else False
        self.console = Console(file=out, width=width or (None if terminal else 120),
                               force_terminal=terminal, highlight=False)

    def write(self, article: Article) -> None:
        """Print one article's attributions as a table (one line when it has none)."""
        from rich.table import Table
        from rich.text import Text

        heading = f"{article.id}" + (f" — {trim(article.title, 80)}" if article.title else "")
        if not article.attributions:
            self.console.print(Text(f"{heading}: no attributions", style="dim"))
            return
        table = Table(title=Text(heading, style="bold"), title_justify="left", expand=False,
                      show_lines=False, header_style="bold")
        table.add_column("speaker", style="cyan", max_width=24)
        table.add_column("kind")
        table.add_column("type")
        table.add_column("quote", ratio=1)
        table.add_column("source → speaker", max_width=32)
        for a in article.attributions:
            table.add_row(a.speaker.name if a.speaker else "?", a.kind, a.type,
                          trim(a.content.text, QUOTE_WIDTH), resolution(a))
        self.console.print(table)

    def close(self) -> None:
        """Flush the stream."""
        self.out.flush()

