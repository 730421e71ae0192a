"""Translations of the interface (Qt .ts sources and compiled .qm files)."""
