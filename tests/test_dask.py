"""The Dask backend gives what the process pool gives: the same result lines, the same error
records (a timeout included), and the same resume rules. A local cluster of two worker
processes stands in for a real one."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest

from decision_parser.batch import BatchOptions, errors_path_for
from decision_parser.batch import main as batch_main
from decision_parser.worker import FAULTS_ENV
from tests.helpers import CORPUS

pytest.importorskip("distributed")

INPUTS = [
    CORPUS / "pdf" / "002_northfield_care_charging_upheld.pdf",
    CORPUS / "pdf" / "006_ashcombe_public_interest_report.pdf",
    CORPUS / "sources" / "007_ashcombe_cabinet_response.md",
    CORPUS / "sources" / "011_dunmere_housing_benefit_upheld.md",
]


def errors_of(path: Path) -> set[tuple[str, str, str]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {(r["path"], r["error"], r["message"]) for r in records}


def test_local_cluster_matches_the_process_pool(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for source in INPUTS:
        shutil.copy(source, folder / source.name)
    (folder / "empty.pdf").write_bytes(b"")
    shutil.copy(INPUTS[2], folder / "hangs.md")
    (folder / "hangs.md").write_text((folder / "hangs.md").read_text() + "\nHangs.\n")
    # The variable reaches the Dask workers because the cluster starts after it is set.
    monkeypatch.setenv(FAULTS_ENV, "hang=hangs.md")

    def run(name: str, **dask) -> tuple[int, Path, str]:
        out = tmp_path / name / "results.jsonl"
        stdout = io.StringIO()
        options = BatchOptions([str(folder)], out, workers=2, time_limit=2.0, progress="none")
        for key, value in dask.items():
            setattr(options, key, value)
        return batch_main(options, stdout=stdout), out, stdout.getvalue()

    pool_code, pool_out, _ = run("pool")
    dask_code, dask_out, summary = run("dask", scheduler="local")

    assert pool_code == dask_code == 1
    assert "dask local" in summary
    pool_lines = pool_out.read_text(encoding="utf-8").splitlines()
    dask_lines = dask_out.read_text(encoding="utf-8").splitlines()
    assert len(dask_lines) == len(INPUTS)
    assert sorted(dask_lines) == sorted(pool_lines)
    pool_errors = errors_of(errors_path_for(pool_out))
    assert errors_of(errors_path_for(dask_out)) == pool_errors
    assert {error for _, error, _ in pool_errors} == {"InputError", "TimeoutError"}

    # Resumable the same way: nothing left to do, no cluster started; the two documents that
    # failed before are skipped and still failing (exit 1).
    code, _, summary = run("dask", scheduler="local", skip_failed=True)
    assert code == 1
    assert re.search(r"skipped, failed before +2 ", summary)
    assert re.search(rf"already done +{len(INPUTS)} ", summary)
    assert len(dask_out.read_text(encoding="utf-8").splitlines()) == len(INPUTS)


def test_unreachable_scheduler_is_a_usage_error(tmp_path, capsys, monkeypatch):
    from decision_parser import dask_backend

    monkeypatch.setattr(dask_backend, "CONNECT_TIMEOUT", "1s")
    out = tmp_path / "results.jsonl"
    options = BatchOptions([str(INPUTS[2])], out, scheduler="tcp://127.0.0.1:9", progress="none")
    options_code = batch_main(options, stdout=io.StringIO())
    assert options_code == 2
    assert "cannot connect" in capsys.readouterr().err
