"""docs/architecture.md stays true: the packages it names exist, and dependencies run one way."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "crampcheck"
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def _imports(package: str) -> set[str]:
    found: set[str] = set()
    for path in (PACKAGE / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("crampcheck")}


def test_every_module_the_architecture_names_exists() -> None:
    for dotted in set(re.findall(r"\b((?:assessment|knowledge|diary)\.\w+)", DOC)):
        package, module = dotted.split(".")
        assert (PACKAGE / package / f"{module}.py").exists(), dotted


def test_every_package_the_architecture_names_exists() -> None:
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    named = set(re.findall(r"^(\w+)\s{2,}", DOC, re.MULTILINE))
    assert named and named <= packages, named - packages
    assert packages <= named | {"__pycache__"}, packages - named


def test_the_knowledge_base_imports_only_the_contract() -> None:
    outside = {
        name
        for name in _imports("knowledge")
        # errors and i18n are the shared base every package may use
        if not name.startswith((*BASE, "crampcheck.knowledge"))
    }
    assert outside == set()


def test_the_contract_imports_nothing_else_of_crampcheck() -> None:
    assert {n for n in _imports("contract") if not n.startswith("crampcheck.contract")} == set()


BASE = ("crampcheck.contract", "crampcheck.errors", "crampcheck.i18n")


def _string_pairs(node: ast.AST) -> set[tuple[str, str]]:
    """The (string, string) pairs that sit side by side in one tuple, list or dict entry
    anywhere inside `node`."""
    pairs: set[tuple[str, str]] = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Dict):
            rows = [[key, value] for key, value in zip(inner.keys, inner.values, strict=True)]
        elif isinstance(inner, ast.Tuple | ast.List):
            rows = [inner.elts]
        else:
            continue
        for row in rows:
            texts = [
                e.value for e in row if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            pairs.update((a, b) for a in texts for b in texts if a != b)
    return pairs


def test_the_answer_kind_table_exists_once() -> None:
    """No module but the contract's pairs two or more kinds of answer with their fields (a
    copy of the table, which a new kind of answer would have to find and edit)."""
    from crampcheck.contract.answers import ANSWER_KINDS

    kind_fields = {(kind.name, kind.path) for kind in ANSWER_KINDS.values() if kind.path}
    copies = {}
    for path in PACKAGE.rglob("*.py"):
        if path.parent.name == "contract":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for statement in tree.body:  # every top-level name: tables live there
            found = kind_fields & _string_pairs(statement)
            if len(found) >= 2:
                copies[f"{path.relative_to(PACKAGE)}:{statement.lineno}"] = sorted(found)
    assert copies == {}
