"""A readable table per article on a terminal (rich): speaker, kind, type, quote, source."""

from __future__ import annotations

from typing import IO

from saidwhat.records import Article, Attribution

QUOTE_WIDTH = 400  # longer quotes are cut, at a word, to about this many characters
NARROW = 100  # below this many columns the type joins the kind column and names get less room


def trim(text: str, width: int = 160) -> str:
    """Text on one line, cut at a word boundary to about `width` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def resolution(a: Attribution) -> str:
    """How the source was resolved: 'he → Putin (pronoun)'."""
    source = trim(a.source.text, 40) if a.source else "—"
    if a.speaker is None:
        return source
    if a.source and a.speaker.name == a.source.text:
        return f"{source} ({a.speaker.resolved_by})"
    return f"{source} → {a.speaker.name} ({a.speaker.resolved_by})"


class TableSink:
    """A rich table per article, titled with its id: speaker, kind, type, quote, source.

    Words wrap, never cut; under NARROW columns the type joins the kind. On a terminal the
    tables are printed when the run ends, after the progress display has finished, so the
    two never run into each other."""

    def __init__(self, out: IO[str], width: int | None = None) -> None:
        from rich.console import Console

        self.out = out
        self.terminal = out.isatty() if hasattr(out, "isatty") else False
        self.console = Console(file=out, width=width or (None if self.terminal else 120),
                               force_terminal=self.terminal, highlight=False)
        self.held: list[object] = []

    def _print(self, renderable: object) -> None:
        """Print now, or hold until close when writing to a terminal."""
        if self.terminal:
            self.held.append(renderable)
        else:
            self.console.print(renderable)

    def write(self, article: Article) -> None:
        """Print one article's attributions as a table (one line when it has none)."""
        from rich.table import Table
        from rich.text import Text

        heading = f"{article.id}" + (f" — {trim(article.title, 80)}" if article.title else "")
        if not article.attributions:
            self._print(Text(f"{heading}: no attributions", style="dim"))
            return
        narrow = self.console.width < NARROW
        table = Table(title=Text(heading, style="bold"), title_justify="left", expand=narrow,
                      show_lines=narrow, header_style="bold", pad_edge=not narrow)
        table.add_column("speaker", style="cyan", max_width=16 if narrow else 24,
                         overflow="fold")
        table.add_column("kind", no_wrap=True)
        if not narrow:
            table.add_column("type", no_wrap=True)
        table.add_column("quote", ratio=1, min_width=20)
        table.add_column("source → speaker", max_width=20 if narrow else 32, overflow="fold")
        for a in article.attributions:
            kind = [a.kind] if not narrow else [a.kind + ("\nthought" if a.type == "thought"
                                                          else "")]
            table.add_row(a.speaker.name if a.speaker else "?", *kind,
                          *([] if narrow else [a.type]), trim(a.content.text, QUOTE_WIDTH),
                          resolution(a))
        self._print(table)

    def close(self) -> None:
        """Print what was held for the terminal, then flush the stream."""
        for renderable in self.held:
            self.console.print(renderable)
        self.held.clear()
        self.out.flush()

