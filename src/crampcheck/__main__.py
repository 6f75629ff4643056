"""`python -m crampcheck` runs the command line."""

from crampcheck.cli import main

main()
