"""Double-decoded UTF-8 is repaired at ingest; clean text is left alone."""

import pytest

from saidwhat.io.mojibake import REPAIRED, repair_mojibake


@pytest.mark.parametrize(("raw", "fixed"), [
    ("Mayor TomÃ¡s Regalado said no.", "Mayor Tomás Regalado said no."),
    ("At GuantÃ¡namo Bay, FranÃ§ois said.", "At Guantánamo Bay, François said."),
    ("She called it â€œa disgraceâ€\x9d on Monday.", "She called it “a disgrace” on Monday."),
])
def test_double_decoded_utf8_is_repaired_with_a_note(raw: str, fixed: str) -> None:
    assert repair_mojibake(raw) == (fixed, REPAIRED)


@pytest.mark.parametrize("clean", [
    "Tomás Regalado said “no” — twice — at the café.",
    'Plain "straight quotes" and the ﬁ ligature stay as written.',
    "In São Paulo the café sells maçã and AÇAÍ.",
    "",
])
def test_clean_text_is_left_as_written(clean: str) -> None:
    assert repair_mojibake(clean) == (clean, None)
