"""Alembic environment: migrations run on the connection Telaah hands in."""

from alembic import context

from app.models import schema  # noqa: F401
from app.models.base import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - Telaah always passes its connection
    raise RuntimeError("Telaah migrations run through app.models.project only")
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
