"""One reader per input kind: bytes or a file in, Articles (or one-line Failures) out."""
