"""The assessment: contract input, rule evaluation, triage, advice and the result.

`scripts/bootstrap` compiles some of these modules with Cython (`name.cpython-*.so` beside
`name.py`; a `name.pxd` beside it makes some of its classes extension types), and Python
then imports the compiled one. A compiled module older than its source would run old code,
so importing the package refuses it with the fix.
"""

from pathlib import Path


def refuse_stale_compiled_modules(package: Path) -> None:
    """Raise ImportError when a compiled module in `package` is older than its source (the
    `.py`, or the `.pxd` beside it that declares its extension types)."""
    for compiled in package.glob("*.so"):
        name = compiled.name.partition(".")[0]
        for source in (package / f"{name}.py", package / f"{name}.pxd"):
            if source.exists() and source.stat().st_mtime > compiled.stat().st_mtime:
                raise ImportError(
                    f"{compiled} was compiled from an older {source.name}: run "
                    "scripts/bootstrap to compile it again, or delete it to run the source"
                )


refuse_stale_compiled_modules(Path(__file__).parent)
