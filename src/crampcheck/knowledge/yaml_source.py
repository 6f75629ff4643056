"""Reading knowledge-base YAML so that every problem can be reported with its file and line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from crampcheck.errors import KnowledgeBaseError, KnowledgeBaseProblem

Model = TypeVar("Model", bound=BaseModel)

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[str, Any]):
    """A mapping read from YAML that remembers the line it starts on (1-based)."""

    line: int = 0


class _LineLoader(_Loader):  # type: ignore[valid-type,misc]
    """SafeLoader (C-accelerated where available) whose mappings remember their line."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.MarkedYAMLError(
                problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; mappings come back as `LineDict`. Syntax errors name file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        problem = KnowledgeBaseProblem(path.name, None, None, str(error))
        raise KnowledgeBaseError([problem]) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        message = f"invalid YAML: {error.problem}"
        raise KnowledgeBaseError([KnowledgeBaseProblem(path.name, line, None, message)]) from None


def locate(data: Any, loc: Sequence[int | str]) -> tuple[int | None, str | None]:
    """The line and item id of the innermost mapping on the path `loc` into `data`."""
    line: int | None = getattr(data, "line", None)
    item_id: str | None = None
    node = data
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, LineDict):
            line = node.line
            for id_key in ("id", "key", "generic", "country"):
                if isinstance(node.get(id_key), str):
                    item_id = node[id_key]
                    break
    return line, item_id


def validate(path: Path, data: Any, model: type[Model]) -> Model:
    """Validate parsed YAML against `model`; every error names file, line and item id."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            line, item_id = locate(data, detail["loc"])
            field = ".".join(str(part) for part in detail["loc"])
            problems.append(
                KnowledgeBaseProblem(path.name, line, item_id, f"{field}: {detail['msg']}")
            )
        raise KnowledgeBaseError(problems) from None


def load_file(path: Path, model: type[Model]) -> Model:
    """Read and validate one knowledge-base file."""
    return validate(path, read_yaml(path), model)


def line_of(item: object) -> int | None:
    """The source line recorded for an item, where the model kept it (see `SourcedItem`)."""
    return getattr(item, "source_line", None)
