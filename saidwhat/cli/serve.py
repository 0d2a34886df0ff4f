"""`saidwhat serve`: the web UI over an index, at http://HOST:PORT/ until interrupted."""

from __future__ import annotations

import argparse
import socket
import sqlite3
import sys
from urllib.parse import urlsplit

from saidwhat.web.app import create_app, default_base_url


def run_cli(args: argparse.Namespace) -> int:
    """`saidwhat serve`: serve the index at http://HOST:PORT/ until interrupted."""
    base = getattr(args, "base_url", None) or default_base_url(args.host, args.port)
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        print(f"saidwhat serve: error: --base-url {base!r}: give an http(s) URL such as "
              "https://quotes.example.org/", file=sys.stderr)
        return 2
    try:
        app = create_app(args.db, base_url=base)
    except (FileNotFoundError, ValueError, sqlite3.Error) as exc:
        print(f"saidwhat serve: error: {exc}", file=sys.stderr)
        return 2
    import uvicorn

    try:
        socket.create_server((args.host, args.port)).close()
    except OSError as exc:
        print(f"saidwhat serve: error: cannot listen on {args.host}:{args.port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 2
    host = "localhost" if args.host in ("127.0.0.1", "::1") else args.host
    print(f"saidwhat: serving {args.db} at http://{host}:{args.port}/ (Ctrl+C to stop)",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
