"""Interview data never leaves the machine: the whole workflow runs with networking cut."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from app.cli import main
from app.coding.demo import build_demo_project


def test_build_code_export_and_exchange_without_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    project = build_demo_project(tmp_path / "demo.telaah")
    for args in (
        ["export", project, "summary", "--codebook", "putnam", "--format", "docx",
         "-o", tmp_path / "ringkasan.docx"],
        ["export", project, "excerpts", "--format", "xlsx", "--pseudonymise",
         "-o", tmp_path / "kutipan.xlsx"],
        ["export", project, "qdpx", "-o", tmp_path / "proyek.qdpx"],
        ["agreement", project, "--coders", "peneliti", "pembimbing", "--json"],
    ):  # fmt: skip
        assert main([str(a) for a in args]) == 0, capsys.readouterr().err
    assert attempts == []
