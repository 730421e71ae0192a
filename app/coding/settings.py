"""Project-wide settings: how exports name informants and how their source lines read.

Settings live in the ``project_settings`` table as text (one row per key). A key that is
missing has its default; a project made before settings existed was given
``names_in_exports = real`` by its upgrade, so its exports keep looking as they did, while a
new project pseudonymises by default.

Settings (``ProjectSettings`` fields):

* ``names_in_exports`` — :class:`NamesInExports`: ``aliases`` (each case's alias, else
  "Informan N"; no real name anywhere in the file) or ``real``;
* ``study_year`` — the year printed in source lines ("data primer … (2024)"); None: the year
  of the latest document or interview date, else the current year;
* ``source_primary`` / ``source_secondary`` / ``source_mixed`` — the wording of the source
  line under tables quoting interviews and observations (primary data), documents and news
  (secondary data), or both; "" means the built-in wording. ``{year}`` is replaced;
* ``identifying_roles`` — role values that would identify a person ("Camat"); pseudonymised
  exports print such a case's group instead of its role.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.errors import InvalidValue
from app.models.schema import ProjectSetting
from app.models.transactions import committed


class NamesInExports(StrEnum):
    """Which names exports print for cases."""

    ALIASES = "aliases"
    REAL = "real"


@dataclass(frozen=True)
class ProjectSettings:
    """Every project setting with its current value (see the module docstring)."""

    names_in_exports: NamesInExports = NamesInExports.ALIASES
    study_year: int | None = None
    source_primary: str = ""
    source_secondary: str = ""
    source_mixed: str = ""
    identifying_roles: tuple[str, ...] = ()

    @property
    def pseudonymise(self) -> bool:
        """Whether exports print aliases instead of real names."""
        return self.names_in_exports is NamesInExports.ALIASES


@dataclass(frozen=True)
class SettingsChange:
    """What :func:`update_settings` changed: the settings before and after."""

    before: ProjectSettings
    after: ProjectSettings

    @property
    def changes(self) -> Changes:
        """For the change stream: a setting changed."""
        return Changes.of_settings()

    @property
    def changed(self) -> tuple[str, ...]:
        """Names of the fields whose value changed."""
        return tuple(
            f.name
            for f in fields(ProjectSettings)
            if getattr(self.before, f.name) != getattr(self.after, f.name)
        )


_NOT_GIVEN = object()
_MIN_YEAR, _MAX_YEAR = 1900, 2200
_WORDING_MAX = 500


def parse_names(value: str) -> NamesInExports:
    """``aliases`` / ``real`` → :class:`NamesInExports`, else ``InvalidValue``."""
    try:
        return NamesInExports(value.strip().lower())
    except ValueError as exc:
        raise InvalidValue("names in exports", value, "expected aliases or real") from exc


def _decode(raw: dict[str, str]) -> ProjectSettings:
    base = ProjectSettings()
    names = raw.get("names_in_exports")
    year = raw.get("study_year")
    roles = raw.get("identifying_roles")
    return ProjectSettings(
        names_in_exports=parse_names(names) if names else base.names_in_exports,
        study_year=int(year) if year and year.isdigit() else None,
        source_primary=raw.get("source_primary", ""),
        source_secondary=raw.get("source_secondary", ""),
        source_mixed=raw.get("source_mixed", ""),
        identifying_roles=tuple(json.loads(roles)) if roles else (),
    )


def _encode(settings: ProjectSettings) -> dict[str, str]:
    return {
        "names_in_exports": settings.names_in_exports.value,
        "study_year": "" if settings.study_year is None else str(settings.study_year),
        "source_primary": settings.source_primary,
        "source_secondary": settings.source_secondary,
        "source_mixed": settings.source_mixed,
        "identifying_roles": json.dumps(list(settings.identifying_roles), ensure_ascii=False),
    }


def get_settings(session: Session) -> ProjectSettings:
    """The project's settings (defaults for keys never set)."""
    rows = session.execute(select(ProjectSetting.key, ProjectSetting.value)).all()
    return _decode({key: value for key, value in rows})


def _check(settings: ProjectSettings) -> None:
    year = settings.study_year
    if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
        raise InvalidValue("study year", str(year), f"expected {_MIN_YEAR}-{_MAX_YEAR}")
    for name in ("source_primary", "source_secondary", "source_mixed"):
        wording: str = getattr(settings, name)
        if len(wording) > _WORDING_MAX:
            raise InvalidValue(name, wording[:40] + "…", f"at most {_WORDING_MAX} characters")
        try:
            wording.format(year=2000)
        except (KeyError, IndexError, ValueError) as exc:
            raise InvalidValue(name, wording, "only {year} may stand in braces") from exc


def update_settings(
    session: Session,
    *,
    names_in_exports: NamesInExports | str | None = None,
    study_year: int | object | None = _NOT_GIVEN,
    source_primary: str | None = None,
    source_secondary: str | None = None,
    source_mixed: str | None = None,
    identifying_roles: tuple[str, ...] | list[str] | None = None,
) -> SettingsChange:
    """Change the given settings (others stay), committed; returns before/after for undo.

    ``study_year=None`` clears the year. Raises ``InvalidValue`` (nothing changes) for an
    unknown names choice, a year outside 1900–2200 or a wording with braces other than
    ``{year}``.
    """
    before = get_settings(session)
    after = before
    if names_in_exports is not None:
        after = replace(after, names_in_exports=parse_names(str(names_in_exports)))
    if study_year is not _NOT_GIVEN:
        if study_year is not None and not isinstance(study_year, int):
            raise InvalidValue("study year", str(study_year))
        after = replace(after, study_year=study_year)
    if source_primary is not None:
        after = replace(after, source_primary=source_primary.strip())
    if source_secondary is not None:
        after = replace(after, source_secondary=source_secondary.strip())
    if source_mixed is not None:
        after = replace(after, source_mixed=source_mixed.strip())
    if identifying_roles is not None:
        roles = tuple(dict.fromkeys(r.strip() for r in identifying_roles if r.strip()))
        after = replace(after, identifying_roles=roles)
    _check(after)
    return _store(session, before, after)


def restore_settings(session: Session, *, settings: ProjectSettings) -> SettingsChange:
    """Put every setting back to ``settings`` (undo of :func:`update_settings`)."""
    _check(settings)
    return _store(session, get_settings(session), settings)


def _store(session: Session, before: ProjectSettings, after: ProjectSettings) -> SettingsChange:
    with committed(session):
        encoded = _encode(after)
        session.execute(delete(ProjectSetting).where(ProjectSetting.key.in_(list(encoded))))
        session.add_all(ProjectSetting(key=k, value=v) for k, v in encoded.items())
    return SettingsChange(before, after)
