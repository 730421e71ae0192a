"""``committed``: the one commit/rollback block of every use case."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models.project import Project
from app.models.schema import Case
from app.models.transactions import committed


def _cases(project: Project) -> int:
    with project.session() as s:
        return int(s.scalar(select(func.count(Case.id))) or 0)


@pytest.mark.parametrize("read_first", [False, True])
def test_commits_at_the_end_and_rolls_back_what_raised(project: Project, read_first: bool) -> None:
    with project.session() as session:
        if read_first:  # autobegun: Session.begin() alone would refuse this session
            session.scalar(select(func.count(Case.id)))
        with pytest.raises(KeyError), committed(session):
            session.add(Case(name="Batal"))
            session.flush()
            raise KeyError("x")
        assert not session.in_transaction()
        if read_first:
            session.scalar(select(func.count(Case.id)))
        with committed(session):
            session.add(Case(name="Jadi"))
    assert _cases(project) == 1
