"""A throwaway PostgreSQL server for the tests, CI and the benchmarks (standard library only).

``python tools/pgserver.py start FOLDER`` runs ``initdb`` into FOLDER, starts the server on
127.0.0.1 with a free port and prints ``export TELAAH_TEST_PG_URL=…`` (the superuser's URL,
password included: the server lives only as long as the run); ``stop FOLDER`` stops it.
As root the server runs as the ``postgres`` user (created when missing), because PostgreSQL
refuses to run as root. Developers' machines and CI alike: see ``.ci/run`` and
``tests/conftest.py``.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "telaah"
ENV_URL = "TELAAH_TEST_PG_URL"


@dataclass(frozen=True)
class Server:
    url: str  # the superuser's URL (with password) on the ``postgres`` database
    folder: Path | None


def bin_dir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _run_as() -> str | None:
    """The unprivileged account the server runs as when we are root."""
    if not _is_root():
        return None
    import pwd

    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/bin/sh", "postgres"],
            check=True,
        )
    return "postgres"


def _command(user: str | None, argv: list[str]) -> list[str]:
    if user is None:
        return argv
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--", *argv]
    return ["su", "-s", "/bin/sh", user, "-c", " ".join(f"'{a}'" for a in argv)]


def start(folder: Path, *, durable: bool = False) -> Server:
    """initdb into ``folder`` and start a server; ``durable`` keeps fsync on (benchmarks)."""
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb found)")
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    user = _run_as()
    password = secrets.token_hex(12)
    pwfile = folder / "pwfile"
    pwfile.write_text(password + "\n", encoding="utf-8")
    data = folder / "data"
    if user is not None:
        import pwd

        entry = pwd.getpwnam(user)
        for path in (folder, pwfile):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        # Every parent must be enterable by the server's account.
        for parent in folder.parents:
            if parent == Path("/"):
                break
            mode = parent.stat().st_mode
            if not mode & 0o001:
                os.chmod(parent, mode | 0o001)
    initdb = [
        str(binaries / "initdb"),
        "-D",
        str(data),
        "-U",
        SUPERUSER,
        "--pwfile",
        str(pwfile),
        "--auth-local=scram-sha-256",
        "--auth-host=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-sync",
    ]
    subprocess.run(_command(user, initdb), check=True, stdout=subprocess.DEVNULL)
    pwfile.unlink()
    port = _free_port()
    settings = [
        "listen_addresses = '127.0.0.1'",
        f"port = {port}",
        f"unix_socket_directories = '{folder}'",
        "max_connections = 120",
        "shared_buffers = 64MB",
    ]
    if not durable:
        settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
    with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write("\n# tools/pgserver.py\n" + "\n".join(settings) + "\n")
    control(folder, "start")
    url = f"postgresql+psycopg://{SUPERUSER}:{password}@127.0.0.1:{port}/postgres"
    return Server(url=url, folder=folder)


def stop(folder: Path) -> None:
    """Stop the server started in ``folder`` (fast shutdown); quiet if it is not running."""
    binaries = bin_dir()
    data = Path(folder).resolve() / "data"
    if binaries is None or not (data / "postmaster.pid").exists():
        return
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
    subprocess.run(_command(_run_as(), pg_ctl), check=False, stdout=subprocess.DEVNULL)


def control(folder: Path, action: str) -> None:
    """``pg_ctl stop`` or ``start`` on the server in ``folder`` (same port and options)."""
    binaries = bin_dir()
    assert binaries is not None
    data = Path(folder).resolve() / "data"
    argv = [str(binaries / "pg_ctl"), "-D", str(data), "-w", "-t", "60"]
    if action == "stop":
        argv += ["-m", "fast", "stop"]
    else:
        argv += ["-l", str(Path(folder).resolve() / "server.log"), "start"]
    subprocess.run(_command(_run_as(), argv), check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: pgserver.py start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        server = start(folder)
        print(f"export {ENV_URL}='{server.url}'")
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
