"""Importing the analysis package must not pull in the heavy numeric libraries."""

from __future__ import annotations

import subprocess
import sys


def test_import_is_light() -> None:
    code = (
        "import sys, crampcheck.analysis, crampcheck.analysis.planning; "
        "heavy = [m for m in ('statsmodels', 'matplotlib', 'scipy') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_public_names_resolve() -> None:
    import crampcheck.analysis as analysis

    for name in analysis.__all__:
        assert callable(getattr(analysis, name))
