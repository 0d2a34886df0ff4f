"""Repairing text that was decoded twice: UTF-8 bytes once read as Windows-1252 ("TomÃ¡s").

Pages and feeds that went through a wrong decoding on the way carry names the entity
recogniser cannot read ("TomÃ¡s Regalado" is found as "Regalado" alone). The repair is ftfy's
encoding fix only: it undoes such double decodings where the result is plainly better, and
leaves quotes, dashes, ligatures and line breaks as written.
"""

from __future__ import annotations

from ftfy import fix_encoding
from ftfy.badness import is_bad

REPAIRED = "repaired mis-decoded characters (UTF-8 read as Windows-1252, as 'Ã¡' for 'á')"


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """The text with double-decoded UTF-8 repaired ("TomÃ¡s" -> "Tomás") and a note saying
    so; the text itself and None when nothing in it looks mis-decoded."""
    if not is_bad(text):
        return text, None
    fixed = fix_encoding(text)
    return (fixed, REPAIRED) if fixed != text else (text, None)
