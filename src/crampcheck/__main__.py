"""`python -m crampcheck` runs the command line."""

from crampcheck.cli import main

# Guarded: helper processes ("spawn") import the parent's main module and must not run it.
if __name__ == "__main__":
    main()
