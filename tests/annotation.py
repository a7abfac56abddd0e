"""Measuring extracted indexes against the hand annotation in tests/fixtures (precision and recall)."""

from dataclasses import dataclass
from pathlib import Path

import yaml

ANNOTATION = Path(__file__).resolve().parent / "fixtures" / "nmg-2026-plan.annotation.yml"
QUOTES = str.maketrans("", "", "“”《》")
CONTAINMENT = 4


@dataclass(frozen=True)
class Score:
    """How a list of found names compares with an annotation."""

    precision: float
    recall: float
    missed: tuple[str, ...]
    wrong: tuple[str, ...]


def annotation() -> dict:
    return yaml.safe_load(ANNOTATION.read_text(encoding="utf-8"))


def _normal(name: str) -> str:
    return name.translate(QUOTES)


def _matches(found: set[str], expected: str) -> bool:
    """A found entry (its name and aliases) matches a name when equal, or one contains the other (4+ chars)."""
    target = _normal(expected)
    for form in map(_normal, found):
        if form == target:
            return True
        shorter, longer = sorted((form, target), key=len)
        if len(shorter) >= CONTAINMENT and shorter in longer:
            return True
    return False


def score(entries, required: list[str], acceptable: list[str]) -> Score:
    """Recall over the required names; precision of the entries against required plus acceptable."""
    forms = [{entry.name, *entry.aliases} for entry in entries]
    missed = tuple(name for name in required if not any(_matches(form, name) for form in forms))
    allowed = required + acceptable
    wrong = tuple(entry.name for entry, form in zip(entries, forms) if not any(_matches(form, name) for name in allowed))
    recall = 1 - len(missed) / len(required) if required else 1.0
    precision = 1 - len(wrong) / len(entries) if entries else 1.0
    return Score(precision, recall, missed, wrong)
