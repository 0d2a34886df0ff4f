"""Making what an input carries safe to write and to print: lone surrogates, control codes.

A file name may hold bytes that are not UTF-8 (Python keeps them as lone surrogates), newlines
or terminal escape codes; a JSON record may hold lone surrogates (`"\\ud800"`). Neither can be
encoded as UTF-8 nor shown on a terminal as is, so every item read is passed through `clean_item`.
"""

from __future__ import annotations

from dataclasses import replace

from saidwhat.records import Article, Failure

REPLACEMENT = "\ufffd"
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(s: str) -> str:
    """`s` with every character a terminal would not show as itself escaped (`\\n`, `\\x1b`,
    `\\u202e`); a non-UTF-8 byte of a file name (a lone surrogate) as `\\xNN`."""
    if s.isprintable():
        return s
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in s)


def _escape(ch: str) -> str:
    """One unprintable character as a backslash escape."""
    code = ord(ch)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else (
        f"\\U{code:08x}")


def scrub(s: str) -> str:
    """`s` with each lone surrogate replaced by U+FFFD (one for one: offsets stay the same)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(REPLACEMENT if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in s)
    return s


def _scrub_optional(s: str | None) -> str | None:
    """scrub() for a value that may be missing."""
    return None if s is None else scrub(s)


def clean_item(item: Article | Failure) -> Article | Failure:
    """An item safe to encode and print: its id and origin printable, surrogates replaced in the
    other fields (one for one in the text, so offsets hold)."""
    if isinstance(item, Failure):
        return Failure(printable(item.origin), printable(item.error))
    fields = {
        "id": printable(item.id), "text": scrub(item.text), "title": _scrub_optional(item.title),
        "url": _scrub_optional(item.url), "published": _scrub_optional(item.published),
        "outlet": _scrub_optional(item.outlet),
        "author": _scrub_optional(item.author),
        "origin": None if item.origin is None else printable(item.origin),
        "errors": tuple(scrub(e) for e in item.errors),
    }
    changed = {k: v for k, v in fields.items() if v != getattr(item, k)}
    return replace(item, **changed) if changed else item
