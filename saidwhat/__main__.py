"""`python -m saidwhat` runs the command line."""

from saidwhat.cli import main

raise SystemExit(main())
