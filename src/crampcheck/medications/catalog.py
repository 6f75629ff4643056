"""The medication catalog: every name of every drug, combination and lay term, indexed once.

Building the catalog checks the cross-references of medications.yaml (classes, effects,
components) and that no name points at two different things; problems are reported as one
`KnowledgeBaseError` naming file, line and item.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from crampcheck.errors import KnowledgeBaseError, KnowledgeBaseProblem
from crampcheck.knowledge.common import KnowledgeItem, Strength
from crampcheck.knowledge.medications import (
    CombinationProduct,
    Drug,
    DrugClass,
    LayTerm,
    MedicationEffect,
    MedicationsFile,
)
from crampcheck.medications.normalise import clean, is_cyrillic, name_key, phrase_key

DATA_FILE = "medications.yaml"

# Strongest first: the order in which `Strength` declares its members.
_STRENGTH_RANK = {strength: rank for rank, strength in enumerate(Strength)}


def strongest(associations: Iterable[Strength]) -> Strength:
    """The strongest of several associations (strong > ... > not_established; none: the last)."""
    return min(associations, key=_STRENGTH_RANK.__getitem__, default=Strength.NOT_ESTABLISHED)


class EntryKind(StrEnum):
    """What a catalog entry stands for."""

    DRUG = "drug"
    COMBINATION = "combination"
    LAY_TERM = "lay_term"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One thing a name can mean: a drug, a combination product or a kind of medicine."""

    kind: EntryKind
    id: str
    generics: tuple[str, ...]
    classes: tuple[str, ...]
    effects: tuple[str, ...]
    cramp_association: Strength
    note: str | None = None


@dataclass(frozen=True, slots=True)
class NameHit:
    """A catalog entry together with the catalog name (as written in the data) that led to it."""

    entry: CatalogEntry
    name: str


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def drug_names(drug: Drug) -> Iterator[str]:
    """Every name of a drug: the generic (spaces for underscores), brands, synonyms."""
    yield drug.generic.replace("_", " ")
    for brands in drug.brands.values():
        yield from brands
    yield from drug.synonyms


class MedicationCatalog:
    """Name indexes over medications.yaml; build once, then look names up in O(1).

    `lookup` takes a key made by `crampcheck.medications.normalise`; `choices` lists the keys
    of one script (Latin or Cyrillic) for fuzzy matching.
    """

    def __init__(self, data: MedicationsFile, file_name: str = DATA_FILE) -> None:
        self.data = data
        self.file_name = file_name
        self.effects: dict[str, MedicationEffect] = {e.id: e for e in data.effects}
        self.classes: dict[str, DrugClass] = {c.id: c for c in data.classes}
        self.drugs: dict[str, Drug] = {d.generic: d for d in data.drugs}
        self._problems: list[KnowledgeBaseProblem] = []
        self._check_unique_ids()
        self._check_references()
        self._drug_entries = {d.generic: self._drug_entry(d) for d in data.drugs}
        self._index: dict[str, NameHit] = {}
        self._spelled: set[str] = set()  # keys indexed under a name that spells them exactly
        self._build_index()
        if self._problems:
            raise KnowledgeBaseError(self._problems)
        self._latin = tuple(key for key in self._index if not is_cyrillic(key))
        self._cyrillic = tuple(key for key in self._index if is_cyrillic(key))

    # --- public interface -------------------------------------------------------------

    def lookup(self, key: str) -> NameHit | None:
        """The entry a normalised key names, if any."""
        return self._index.get(key)

    def choices(self, cyrillic: bool) -> tuple[str, ...]:
        """All keys in one script, for fuzzy matching."""
        return self._cyrillic if cyrillic else self._latin

    def drug_class(self, class_id: str) -> DrugClass:
        """The class with this id (KeyError if there is none)."""
        return self.classes[class_id]

    def keys(self) -> tuple[str, ...]:
        """Every indexed key."""
        return tuple(self._index)

    # --- building -------------------------------------------------------------------

    def _problem(self, item: KnowledgeItem, item_id: str, message: str) -> None:
        problem = KnowledgeBaseProblem(self.file_name, item.source_line, item_id, message)
        self._problems.append(problem)

    def _check_unique_ids(self) -> None:
        groups: list[tuple[str, list[tuple[str, KnowledgeItem]]]] = [
            ("effect", [(e.id, e) for e in self.data.effects]),
            ("class", [(c.id, c) for c in self.data.classes]),
            ("drug", [(d.generic, d) for d in self.data.drugs]),
            ("combination", [(c.id, c) for c in self.data.combinations]),
            ("lay term", [(t.id, t) for t in self.data.lay_terms]),
        ]
        for kind, items in groups:
            seen: set[str] = set()
            for item_id, item in items:
                if item_id in seen:
                    self._problem(item, item_id, f"duplicate {kind} id {item_id!r}")
                seen.add(item_id)

    def _check_references(self) -> None:
        for drug_class in self.data.classes:
            self._check_ids(drug_class, drug_class.id, "effect", drug_class.effects, self.effects)
        for drug in self.data.drugs:
            self._check_ids(drug, drug.generic, "class", drug.classes, self.classes)
            self._check_ids(drug, drug.generic, "effect", drug.effects, self.effects)
        for product in self.data.combinations:
            self._check_ids(product, product.id, "drug", product.components, self.drugs)
        for term in self.data.lay_terms:
            self._check_ids(term, term.id, "class", term.classes, self.classes)

    def _check_ids(
        self,
        item: KnowledgeItem,
        item_id: str,
        kind: str,
        ids: Iterable[str],
        known: Collection[str],
    ) -> None:
        for missing in (ref for ref in ids if ref not in known):
            self._problem(item, item_id, f"unknown {kind} {missing!r}")

    def _class_effects(self, class_ids: Iterable[str]) -> list[str]:
        return [e for c in class_ids if c in self.classes for e in self.classes[c].effects]

    def _drug_entry(self, drug: Drug) -> CatalogEntry:
        known_classes = [c for c in drug.classes if c in self.classes]
        association = drug.cramp_association or strongest(
            self.classes[c].cramp_association for c in known_classes
        )
        effects = sorted({*self._class_effects(drug.classes), *drug.effects})
        return CatalogEntry(
            kind=EntryKind.DRUG,
            id=drug.generic,
            generics=(drug.generic,),
            classes=tuple(drug.classes),
            effects=tuple(effects),
            cramp_association=association,
            note=drug.note,
        )

    def _combination_entry(self, product: CombinationProduct) -> CatalogEntry:
        parts = [self._drug_entries[c] for c in product.components]
        return CatalogEntry(
            kind=EntryKind.COMBINATION,
            id=product.id,
            generics=tuple(product.components),
            classes=_unique(c for part in parts for c in part.classes),
            effects=tuple(sorted({e for part in parts for e in part.effects})),
            cramp_association=strongest(part.cramp_association for part in parts),
        )

    def _lay_entry(self, term: LayTerm) -> CatalogEntry:
        return CatalogEntry(
            kind=EntryKind.LAY_TERM,
            id=term.id,
            generics=(),
            classes=tuple(term.classes),
            effects=tuple(sorted(set(self._class_effects(term.classes)))),
            cramp_association=strongest(self.classes[c].cramp_association for c in term.classes),
            note="A kind of medicine, not a named drug: ask which medicine it is.",
        )

    def _build_index(self) -> None:
        for drug in self.data.drugs:
            entry = self._drug_entries[drug.generic]
            for name in drug_names(drug):
                self._add_name(drug, name, entry, with_forms=True)
        if self._problems:  # combinations and lay terms need valid references
            return
        for product in self.data.combinations:
            entry = self._combination_entry(product)
            for name in product.names:
                self._add_name(product, name, entry, with_forms=True)
        for term in self.data.lay_terms:
            entry = self._lay_entry(term)
            for name in term.terms:
                self._add_name(term, name, entry, with_forms=False)

    def _add_name(
        self, item: KnowledgeItem, name: str, entry: CatalogEntry, with_forms: bool
    ) -> None:
        cleaned = clean(name)
        keys = {phrase_key(cleaned), name_key(cleaned)} if with_forms else {phrase_key(cleaned)}
        keys.discard("")
        if not keys:
            self._problem(item, entry.id, f"name {name!r} is empty once normalised")
        exact_key = phrase_key(cleaned)
        for key in keys:
            existing = self._index.get(key)
            if existing is None or (existing.entry.id == entry.id and key == exact_key):
                # A name that spells the key exactly is the better name to show for it.
                if existing is None or key not in self._spelled:
                    self._index[key] = NameHit(entry, name)
                if key == exact_key:
                    self._spelled.add(key)
            elif existing.entry.id != entry.id:
                message = f"name {name!r} also names {existing.entry.kind} {existing.entry.id!r}"
                self._problem(item, entry.id, message)


@cache
def load_medication_catalog() -> MedicationCatalog:
    """The catalog of the packaged knowledge base (read and checked once, then cached)."""
    from crampcheck.knowledge.base import default_data_dir
    from crampcheck.knowledge.cache import cached

    path = default_data_dir() / DATA_FILE

    def build() -> MedicationCatalog:
        from crampcheck.knowledge.yaml_source import load_file  # only when the cache misses

        return MedicationCatalog(load_file(path, MedicationsFile), DATA_FILE)

    return cached("medications", [path], build)
