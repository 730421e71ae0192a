"""Alembic environment: migrations run on the connection Telaah hands in."""

from alembic import context

from app.models import schema  # noqa: F401
from app.models.base import Base
from app.models.fts import is_fts_name

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - Telaah always passes its connection
    raise RuntimeError("Telaah migrations run through app.models.project only")


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    # The full-text index is no ORM object: FTS5 tables in a file, a GIN index on a server.
    return not (type_ in ("table", "index") and is_fts_name(name))


context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
