"""The SPEC §4 figures on a PostgreSQL server, and the team load test (issue 16, item 8).

    uv run python bench/run.py --engine postgresql --json bench/results/DATE-MACHINE-pg.json

Corpus L (the same file the SQLite figures use) is copied to a new database with ``push``
on a throwaway server started here with fsync on (``tools/pgserver.py start --durable``; or
the server of ``$TELAAH_BENCH_PG_URL``, a superuser URL), then:

- ``pg_apply_coding_L``: one ``apply_code``, committed, median of 15 after 2 warm-ups;
- ``pg_matrix_L``: ``build_matrix`` loeffler × cases (counts), median of 5 after 1;
- ``pg_open_project_L``: the main window on the server project, in a fresh process with
  offscreen Qt (median of 5 after a warm-up), as ``open_project_L``;
- the load test: 8 coders (separate processes, each its own login) apply a coding every
  0.5 s for 60 s while a ninth process builds matrices back to back;
  ``pg_apply_p95_8coders`` is the 95th percentile of the coders' apply times,
  ``pg_matrix_under_load`` the median matrix time meanwhile, and afterwards the codings
  are counted per coder against what each coder was told was committed:
  ``pg_codings_lost`` and ``pg_codings_duplicated`` must be 0;
- ``pg apply round trips`` (details only, no bar): the statements and libpq round trips of
  one ``apply_code``, counted, since the p95 on a shared machine is noisy.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: key → (bar, unit); every figure must be at or below its bar.
PG_BARS: dict[str, tuple[float, str]] = {
    "pg_apply_coding_L": (0.020, "s"),
    "pg_matrix_L": (0.5, "s"),
    "pg_open_project_L": (1.5, "s"),
    "pg_apply_p95_8coders": (0.030, "s"),
    "pg_matrix_under_load": (0.5, "s"),
    "pg_codings_lost": (0.0, "codings"),
    "pg_codings_duplicated": (0.0, "codings"),
}

CODERS = 8
INTERVAL_S = 0.5
DURATION_S = 60.0
SERVER_ENV = "TELAAH_BENCH_PG_URL"


def _pgserver() -> Any:
    sys.path.insert(0, str(ROOT / "tools"))
    import pgserver

    return pgserver


@contextmanager
def server() -> Iterator[str]:
    """A superuser URL (with password) of a server for the run: ``$TELAAH_BENCH_PG_URL``
    or a durable throwaway one, stopped afterwards."""
    given = os.environ.get(SERVER_ENV)
    if given:
        yield given
        return
    pgserver = _pgserver()
    folder = Path(tempfile.mkdtemp(prefix="telaah-bench-pg-"))
    try:
        started = pgserver.start(folder, durable=True)
        yield started.url
    finally:
        pgserver.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _database_url(server_url: str, name: str) -> tuple[str, str]:
    """(URL without password of a new database ``name``, the password)."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    with psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    plain = url._replace(database=name, password=None).render_as_string(hide_password=False)
    return plain, str(url.password)


def push_corpus(corpus: Path, url: str) -> dict[str, Any]:
    from app.coding.transfer import push_project

    started = time.perf_counter()
    report = push_project(source=corpus, target=url)
    return {"seconds": round(time.perf_counter() - started, 2), "rows": report.rows}


def apply_coding(url: str) -> tuple[float, dict[str, Any]]:
    """One committed ``apply_code`` on the server copy, as ``apply_coding_L`` on a file."""
    from sqlalchemy import select

    from app.models.project import open_project
    from app.models.schema import Code
    from bench.core_bench import time_apply

    project = open_project(url)
    try:
        with project.session() as session:
            codes = list(session.scalars(select(Code.id)))
        return time_apply(project, codes)
    finally:
        project.close()


def apply_round_trips(url: str) -> dict[str, Any]:
    """What one ``apply_code`` costs the server, counted rather than timed (a busy shared
    machine makes its p95 noisy): the statements SQLAlchemy sends, and the round trips libpq
    makes for them (its protocol trace: every ``Query`` and every ``Sync`` waits for an
    answer). The trace runs from before the session takes the pooled connection until
    after it gives it back, so a check on checkout (a pre-ping), BEGIN, COMMIT and the
    reset on return are counted, as the load test's coders pay them."""
    from sqlalchemy import event, select

    from app.coding.codings import apply_code
    from app.models.project import open_project
    from app.models.schema import Code, Document

    project = open_project(url)
    statements: list[str] = []
    checked_out: list[object] = []
    try:
        with project.session() as session:
            doc, length = session.execute(select(Document.id, Document.length).limit(1)).one()
            code = session.scalars(select(Code.id)).first()
        assert code is not None
        event.listen(
            project.engine, "before_cursor_execute", lambda *args: statements.append(args[2])
        )
        event.listen(project.engine, "checkout", lambda dbapi, *_: checked_out.append(dbapi))
        login = str(project.url.username if project.url else "bench")
        messages: list[str] = []
        for start in (length // 3, length // 2):  # the first warms the statement cache
            with project.engine.connect() as conn:  # the pooled connection the apply gets
                raw = conn.connection.driver_connection
            statements.clear()
            checked_out.clear()
            with tempfile.TemporaryDirectory() as folder:
                trace = Path(folder) / "trace.txt"
                with trace.open("w", encoding="utf-8") as fh:
                    raw.pgconn.trace(fh.fileno())  # type: ignore[union-attr]
                    with project.session() as session:
                        apply_code(
                            session, document_id=doc, code_id=code, start=start,
                            end=start + 40, coder=login,
                        )  # fmt: skip
                    raw.pgconn.untrace()  # type: ignore[union-attr]
                fields = [line.split("\t") for line in trace.read_text("utf-8").splitlines()]
                messages = [f[3] for f in fields if len(f) > 3 and f[1] == "F"]
            assert checked_out and all(c is raw for c in checked_out), "not the traced connection"
        return {
            "statements": len(statements),
            "round_trips": sum(m in ("Query", "Sync") for m in messages),
            "client_messages": messages,
            "first_words": [" ".join(st.split()[:2]) for st in statements],
        }
    finally:
        project.close()


def matrix(url: str) -> tuple[float, dict[str, Any]]:
    from app.coding.analysis.matrix import build_matrix
    from app.models.project import open_project
    from bench.core_bench import MATRIX_ROWS
    from bench.timing import measure

    project = open_project(url)
    cells = 0
    try:

        def one(_i: int) -> None:
            nonlocal cells
            with project.session() as session:
                m = build_matrix(session, rows=MATRIX_ROWS, cols="cases")
                cells = len(m.rows) * len(m.columns)

        timing = measure(one)
    finally:
        project.close()
    return timing.median, {
        "samples": timing.as_json()["samples"],
        "rows": MATRIX_ROWS,
        "cols": "cases",
        "cells": cells,
    }


def open_window(url: str) -> tuple[float, dict[str, Any]]:
    """The main window on the server project, timed in a child process (as open_project_L)."""
    from bench.timing import run_child

    result = run_child("bench.pg_bench", "window", url)
    opened = result["open_project"]
    return float(opened["median"]), {**opened, "open_document": result["open_document"]}


# --- the load test ----------------------------------------------------------------------------


def _coder(
    url: str, password: str, number: int, duration: float, ready: Any, go: Any, out: Any
) -> None:  # a child process
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from app.coding.codings import apply_code
    from app.models.project import open_project
    from app.models.schema import Code, Document

    os.environ["PGPASSWORD"] = password
    login = str(make_url(url).username)
    project = open_project(url)
    try:
        with project.session() as session:
            docs = session.execute(select(Document.id, Document.length)).all()
            codes = list(session.scalars(select(Code.id)))
        rng = random.Random(100 + number)
        ready.put(number)
        go.wait()
        t0 = time.monotonic()
        times: list[float] = []
        acknowledged: list[int] = []
        failures: list[str] = []
        k = 0
        while True:
            due = t0 + k * INTERVAL_S
            if due >= t0 + duration:
                break
            time.sleep(max(0.0, due - time.monotonic()))
            doc_id, length = rng.choice(docs)
            start = rng.randrange(0, length - 400)
            started = time.perf_counter()
            try:
                with project.session() as session:
                    done = apply_code(
                        session,
                        document_id=doc_id,
                        code_id=rng.choice(codes),
                        start=start,
                        end=start + rng.randint(20, 400),
                        coder=login,
                    )
                times.append(time.perf_counter() - started)
                acknowledged += [c.id for c in done.added]
            except Exception as exc:  # reported, counted: a refused coding is not "lost"
                failures.append(f"{type(exc).__name__}: {exc}"[:200])
            k += 1
        out.put({"coder": login, "times": times, "ids": acknowledged, "failures": failures})
    finally:
        project.close()


def _matrices(
    url: str, password: str, duration: float, ready: Any, go: Any, out: Any
) -> None:  # a child
    from app.coding.analysis.matrix import build_matrix
    from app.models.project import open_project
    from bench.core_bench import MATRIX_ROWS

    os.environ["PGPASSWORD"] = password
    project = open_project(url)
    try:
        with project.session() as session:
            build_matrix(session, rows=MATRIX_ROWS, cols="cases")  # warm
        ready.put("matrix")
        go.wait()
        end = time.monotonic() + duration
        times: list[float] = []
        while time.monotonic() < end:
            started = time.perf_counter()
            with project.session() as session:
                build_matrix(session, rows=MATRIX_ROWS, cols="cases")
            times.append(time.perf_counter() - started)
        out.put({"coder": None, "times": times})
    finally:
        project.close()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def load_test(
    url: str, password: str, *, duration: float = DURATION_S, matrices: bool = True
) -> dict[str, Any]:
    """8 coders and a matrix builder at once (``matrices=False``: the coders alone, to tell
    the two apart); counts afterwards."""
    from sqlalchemy import func, select
    from sqlalchemy.engine import make_url

    from app.models.project import open_project
    from app.models.schema import Coder, Coding
    from app.models.team import add_member

    tag = "" if matrices else f"solo{int(time.time()) % 1000}_"
    logins = {f"pengode{tag}{n}": f"sandi-{n}" for n in range(CODERS)}
    project = open_project(url)
    try:
        with project.engine.begin() as conn:
            for name, secret in logins.items():
                add_member(conn, name=name, role="coder", password=secret)
        with project.session() as session:
            before = dict(
                session.execute(
                    select(Coder.name, func.count(Coding.id)).join(Coding).group_by(Coder.name)
                ).all()
            )
    finally:
        project.close()

    ctx = multiprocessing.get_context("spawn")
    ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    procs = [
        ctx.Process(
            target=_coder,
            args=(
                make_url(url).set(username=name).render_as_string(False),
                secret,
                n,
                duration,
                ready,
                go,
                out,
            ),
        )
        for n, (name, secret) in enumerate(logins.items())
    ]
    if matrices:
        procs.append(ctx.Process(target=_matrices, args=(url, password, duration, ready, go, out)))
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=600)
    go.set()
    results = [out.get(timeout=duration + 600) for _ in procs]
    for p in procs:
        p.join(timeout=60)

    coders = [r for r in results if r["coder"] is not None]
    matrix_times = next((r["times"] for r in results if r["coder"] is None), [])
    apply_times = [t for r in coders for t in r["times"]]
    acknowledged = {r["coder"]: r["ids"] for r in coders}

    project = open_project(url)
    try:
        with project.session() as session:
            rows = session.execute(
                select(
                    Coding.id, Coder.name, Coding.document_id, Coding.code_id,
                    Coding.start, Coding.end,
                ).join(Coder).where(Coder.name.in_(list(logins)))
            ).all()  # fmt: skip
    finally:
        project.close()
    stored: dict[str, set[int]] = {}
    for row in rows:
        stored.setdefault(str(row[1]), set()).add(int(row[0]))
    spans = {tuple(row[1:]) for row in rows}
    lost = sum(len(set(ids) - stored.get(name, set())) for name, ids in acknowledged.items())
    # a span stored twice, or a row no coder was told about
    duplicated = (len(rows) - len(spans)) + sum(
        len(stored.get(name, set()) - set(ids)) for name, ids in acknowledged.items()
    )
    return {
        "pg_apply_p95_8coders": _percentile(apply_times, 0.95),
        "pg_matrix_under_load": statistics.median(matrix_times) if matrix_times else None,
        "pg_codings_lost": float(lost),
        "pg_codings_duplicated": float(duplicated),
        "details": {
            "coders": CODERS,
            "interval_s": INTERVAL_S,
            "duration_s": duration,
            "codings_acknowledged": sum(len(ids) for ids in acknowledged.values()),
            "codings_stored": sum(len(ids) for ids in stored.values()),
            "codings_before_by_login": before,
            "failures": [f for r in coders for f in r["failures"]][:20],
            "apply_median_s": round(statistics.median(apply_times), 6),
            "apply_max_s": round(max(apply_times), 6),
            "apply_samples": len(apply_times),
            "matrix_runs": len(matrix_times),
            "matrix_p95_s": round(_percentile(matrix_times, 0.95), 6) if matrix_times else None,
            "matrix_max_s": round(max(matrix_times), 6) if matrix_times else None,
            "with_matrix_client": matrices,
        },
    }


# --- the run --------------------------------------------------------------------------------


def run(corpus: Path, out: Path, *, only: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every PostgreSQL figure (``only``: some of the steps ``push``-dependent steps need)."""
    from datetime import UTC, datetime

    from bench.timing import load_average, machine_info

    started = datetime.now(UTC)
    load_before = load_average()
    figures: dict[str, float | None] = dict.fromkeys(PG_BARS)
    details: dict[str, Any] = {}
    notes: dict[str, str] = {}
    loads: dict[str, list[float] | None] = {}
    details["load_average_after_step"] = loads

    def save() -> dict[str, Any]:
        bars = {
            key: {
                "value": figures[key],
                "bar": limit,
                "unit": unit,
                "met": None if figures[key] is None else figures[key] <= limit,  # type: ignore[operator]
            }
            for key, (limit, unit) in PG_BARS.items()
        }
        data = {
            **{k: (None if v is None else round(v, 6)) for k, v in figures.items()},
            "bars": bars,
            "details": details,
            "notes": notes,
            "machine": machine_info(),
            "engine": "postgresql",
            "corpus": {"path": str(corpus), "bytes": corpus.stat().st_size},
            "started": started.isoformat(timespec="seconds"),
            "load_average": {"before": load_before, "after": load_average()},
        }
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return data

    def step(label: str, work: Any) -> None:
        if only and label not in only:
            return
        began = time.perf_counter()
        print(f"… {label}", file=sys.stderr, flush=True)
        try:
            work()
        except Exception as exc:
            import traceback

            notes[label] = f"missing or failed: {type(exc).__name__}: {exc}"[:600]
            traceback.print_exc()
        print(f"  {label}: {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
        loads[label] = load_average()
        save()

    with server() as server_url:
        url, password = _database_url(server_url, "telaah_bench_l")
        os.environ["PGPASSWORD"] = password
        details["push"] = push_corpus(corpus, url)

        def apply() -> None:
            figures["pg_apply_coding_L"], details["pg_apply_coding_L"] = apply_coding(url)

        def matrix_l() -> None:
            figures["pg_matrix_L"], details["pg_matrix_L"] = matrix(url)

        def window() -> None:
            figures["pg_open_project_L"], details["pg_open_project_L"] = open_window(url)

        def load() -> None:
            result = load_test(url, password)
            details["load_test"] = result.pop("details")
            figures.update(result)

        def alone() -> None:  # a diagnosis, no bar: the coders without the matrix client
            result = load_test(url, password, duration=30.0, matrices=False)
            details["load_test_coders_alone"] = {
                **result.pop("details"),
                "apply_p95_s": round(result["pg_apply_p95_8coders"], 6),
                "lost": result["pg_codings_lost"],
                "duplicated": result["pg_codings_duplicated"],
            }

        def alone_quiet() -> None:  # a diagnosis: the coders alone, codings sending no NOTIFY
            from app.models.project import open_project

            project = open_project(url)
            try:
                with project.engine.begin() as conn:
                    conn.exec_driver_sql("ALTER TABLE codings DISABLE TRIGGER telaah_notify")
                result = load_test(url, password, duration=30.0, matrices=False)
            finally:
                with project.engine.begin() as conn:
                    conn.exec_driver_sql("ALTER TABLE codings ENABLE TRIGGER telaah_notify")
                project.close()
            details["load_test_coders_alone_no_notify"] = {
                **result.pop("details"),
                "apply_p95_s": round(result["pg_apply_p95_8coders"], 6),
                "lost": result["pg_codings_lost"],
                "duplicated": result["pg_codings_duplicated"],
            }

        step("pg_open_project_L", window)
        step("pg_matrix_L", matrix_l)
        step("pg_apply_coding_L", apply)

        def round_trips() -> None:
            details["pg_apply_round_trips"] = apply_round_trips(url)

        step("pg apply round trips", round_trips)
        step("pg load test", load)
        # diagnoses, run only when named: --only "pg coders alone,pg coders alone without notify"
        if only:
            step("pg coders alone", alone)
            step("pg coders alone without notify", alone_quiet)
    return save()


def _window_child(url: str) -> int:
    from bench import gui_bench

    result = gui_bench.run_window(url, [1, 2])  # type: ignore[arg-type]
    result["pyside_none_refcount_bug"] = gui_bench.NONE_BUG
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["window"]:
        sys.path.insert(0, str(ROOT))
        raise SystemExit(_window_child(sys.argv[2]))
    raise SystemExit("use bench/run.py --engine postgresql")
