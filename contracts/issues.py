"""One problem found in a package, located as the state sees it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from contracts.rules import DETAILS, LANGUAGES, RULES, Language, Severity


class _SafeFormat(dict[str, str]):
    """Leaves unknown placeholders readable instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Issue:
    """``row`` is the spreadsheet row, CSV line or JSON index the state sees; ``column`` is the
    template's column (or submission field) name."""

    rule: str
    table: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise KeyError(f"unknown rule code {self.rule!r}")
        if RULES[self.rule].conceals_value and self.value is not None:
            # Never keep a personal value, not even in memory past this point.
            object.__setattr__(self, "value", None)
        if not isinstance(self.params, MappingProxyType):
            object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @property
    def severity(self) -> Severity:
        return RULES[self.rule].severity

    def _fmt(self, template: str, language: Language) -> str:
        values = _SafeFormat(self.params)
        if (key := self.params.get("detail_key")) in DETAILS:
            values["detail"] = DETAILS[key][language]
        values.setdefault("table", self.table or "")
        values.setdefault("column", self.column or "")
        return template.format_map(values)

    def message(self, language: Language = "en") -> str:
        return self._fmt(RULES[self.rule].message[language], language)

    def hint(self, language: Language = "en") -> str:
        return self._fmt(RULES[self.rule].hint[language], language)

    def to_dict(self, language: Language = "en") -> dict[str, Any]:
        out: dict[str, Any] = {
            "severity": self.severity,
            "rule": self.rule,
            "table": self.table,
            "row": self.row,
            "column": self.column,
        }
        if not RULES[self.rule].conceals_value:
            out["value"] = self.value
        out["message"] = self.message(language)
        out["hint"] = self.hint(language)
        return out


def sort_key(issue: Issue) -> tuple[int, str, int, str, str]:
    """Errors first, then in the order the state reads its package."""
    return (
        0 if issue.severity == "error" else 1,
        issue.table or "",
        issue.row if issue.row is not None else -1,
        issue.column or "",
        issue.rule,
    )


def count(issues: Iterable[Issue], severity: Severity) -> int:
    return sum(1 for i in issues if i.severity == severity)


def as_language(value: str | None) -> Language:
    v = (value or "").strip().lower()[:2]
    return v if v in LANGUAGES else "en"  # type: ignore[return-value]
