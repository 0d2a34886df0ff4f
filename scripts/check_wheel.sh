#!/usr/bin/env bash
# Packaging check (run by `make test`): build saidwhat's wheel, install it into a fresh virtual
# environment with plain pip (no lock file, dependencies as pyproject.toml declares them), then
# extract from an HTML page and a WARC archive made here, and check that a missing model is one
# clear line. Everything happens in a temporary folder removed at the end, so it can run again.
#
#   scripts/check_wheel.sh [PYTHON]      # PYTHON builds the wheel (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_PYTHON="${1:-.venv/bin/python}"
BASE_PYTHON="${BASE_PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/saidwhat-wheel.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

say() { echo "check_wheel: $*"; }
fail() { echo "check_wheel: FAILED: $*" >&2; exit 1; }

# 1. the wheel, built from a clean copy of the sources (no stale build/ or egg-info)
mkdir -p "$WORK/src" "$WORK/dist" "$WORK/in"
cp -r pyproject.toml README.md saidwhat "$WORK/src/"
find "$WORK/src" -name __pycache__ -prune -exec rm -rf {} +
"$BUILD_PYTHON" -m pip wheel -q --disable-pip-version-check --no-deps --no-build-isolation \
    -w "$WORK/dist" "$WORK/src" >/dev/null
WHEEL="$(ls "$WORK"/dist/saidwhat-*.whl)"
say "built $(basename "$WHEEL")"

# 2. a fresh venv, plain pip, no lock
"$BASE_PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL" \
    >"$WORK/pip.log" 2>&1 || { cat "$WORK/pip.log" >&2; fail "pip install of the wheel"; }
SAIDWHAT="$WORK/venv/bin/saidwhat"
say "installed into a fresh venv"

# 3. inputs: an invented news page and a WARC archive holding another (no third-party text)
"$WORK/venv/bin/python" - "$WORK/in" <<'PY'
import sys
from pathlib import Path

out = Path(sys.argv[1])


def page(title: str, speaker: str, quote: str, city: str) -> str:
    paras = [
        f"{city} — The city council voted on Tuesday to extend the harbour ferry timetable "
        "through the winter, after months of complaints from commuters on the island routes.",
        f"“{quote},” {speaker} said at a public meeting in the town hall on Tuesday evening.",
        f"{speaker.split()[-1]} added that the extra crossings would be paid for from the "
        "transport budget and that fares would not rise before the spring review.",
        "Commuter groups welcomed the decision but said they would watch closely whether the "
        "boats actually kept to the new timetable during the storms of the coming months.",
    ]
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>{title}</h1>\n{body}</article><footer>© Example Courier</footer></body></html>")


(out / "ferry.html").write_text(
    page("Council Extends Winter Ferries", "Mayor Ana Ruiz",
         "Nobody should be stranded on an island because the last boat left at six", "PORTLAND"),
    encoding="utf-8")

html = page("Harbour Board Backs Night Crossings", "Councillor Tom Berg",
            "The night crossings are the lifeline of the island economy", "BRISTOL").encode()
http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        b"Content-Length: " + str(len(html)).encode() + b"\r\n\r\n" + html)
headers = [
    "WARC/1.0", "WARC-Type: response",
    "WARC-Record-ID: <urn:uuid:0b0b0b0b-1111-2222-3333-444455556666>",
    "WARC-Date: 2024-05-14T10:00:00Z",
    "WARC-Target-URI: https://courier.example/news/night-crossings",
    "Content-Type: application/http; msgtype=response",
    f"Content-Length: {len(http)}",
]
(out / "crawl.warc").write_bytes("\r\n".join(headers).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
PY

# 4. extraction from both, through the installed command
"$SAIDWHAT" extract -q -f jsonl -o "$WORK/out.jsonl" "$WORK/in/ferry.html" "$WORK/in/crawl.warc" \
    2>"$WORK/extract.err" || { cat "$WORK/extract.err" >&2; fail "saidwhat extract"; }
"$WORK/venv/bin/python" - "$WORK/out.jsonl" <<'PY' || fail "extracted records"
import json
import sys

records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
speakers = {r["id"]: {a["speaker"]["name"] for a in r["attributions"] if a.get("speaker")}
            for r in records}
assert len(records) == 2, speakers
assert any("Ruiz" in name for name in speakers["ferry"]), speakers
warc = next(v for k, v in speakers.items() if k != "ferry")
assert any("Berg" in name for name in warc), speakers
print("check_wheel: extracted", {k: sorted(v) for k, v in speakers.items()})
PY

# 5. an environment problem is one clear line, never a traceback
set +e
"$SAIDWHAT" extract -q --model no_such_model_xyz "$WORK/in/ferry.html" >/dev/null 2>"$WORK/model.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "a missing model should exit 2 (got $status)"
[ "$(wc -l <"$WORK/model.err")" -eq 1 ] && ! grep -q Traceback "$WORK/model.err" \
    || { cat "$WORK/model.err" >&2; fail "a missing model should be one line"; }
say "missing model: $(cat "$WORK/model.err")"
say "ok"
