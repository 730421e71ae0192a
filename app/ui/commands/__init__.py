"""Undoable edits: every one calls :mod:`app.coding` and lives on the project's stack."""
