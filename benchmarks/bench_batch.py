"""Benchmark `parse-decision batch` on a generated corpus (run by hand; not in the test suite).

    python benchmarks/bench_batch.py                     # 1,000 generated documents
    python benchmarks/bench_batch.py --count 200         # quicker
    python benchmarks/bench_batch.py --corpus DIR        # an existing folder instead

Prints documents/s and pages/s for the local pool with 1 and 2 workers and for Dask local with
2 workers, the speed-up of 2 workers over 1, and the peak memory (RSS) of a worker. The time
of each run is the batch's own: from the first document sent to the last result written,
worker start-up included. The fork server is started before the first timed run so that no
run pays for it and the others not. Other processes' CPU use skews the figures: the load
average is printed before each run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from generate_corpus import generate  # noqa: E402

from decision_parser.batch import BatchOptions, Summary, run  # noqa: E402
from decision_parser.worker import WorkerProcess  # noqa: E402

SPEEDUP_BAR = 1.7
MEMORY_BAR = 500 * 1024 * 1024


def timed_run(corpus: Path, out: Path, **options) -> Summary:
    summary = run(BatchOptions([str(corpus)], out, progress="none", **options))
    if summary.failed:
        print(f"  ({summary.failed} documents failed: see {summary.errors})")
    return summary


def warm_fork_server() -> None:
    worker = WorkerProcess()
    worker.wait_ready()
    worker.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, help="use this folder instead of generating")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            started = time.monotonic()
            paths = generate(corpus, args.count, jobs=os.cpu_count() or 1)
            print(f"generated {len(paths)} documents in {time.monotonic() - started:.1f} s")
        warm_fork_server()

        runs = [("local pool, 1 worker", {"workers": 1}), ("local pool, 2 workers", {"workers": 2})]
        if not args.no_dask:
            runs.append(("dask local, 2 workers", {"workers": 2, "scheduler": "local"}))
        results: dict[str, Summary] = {}
        for number, (name, options) in enumerate(runs):
            load = os.getloadavg()[0]
            print(f"{name}: running (load average {load:.2f}) ...", flush=True)
            results[name] = timed_run(corpus, work / f"results-{number}.jsonl", **options)

        mib = 1024 * 1024
        print()
        print(f"{'run':<24} {'docs':>6} {'pages':>6} {'seconds':>8} {'docs/s':>7} "
              f"{'pages/s':>8} {'peak RSS/worker':>16}")  # fmt: skip
        for name, s in results.items():
            memory = f"{s.peak_worker_rss / mib:.0f} MB"
            if s.peak_dask_worker_rss:
                memory += f" (+{s.peak_dask_worker_rss / mib:.0f} MB Dask)"
            print(
                f"{name:<24} {s.parsed + s.failed:>6} {s.pages:>6} {s.seconds:>8.1f} "
                f"{s.docs_per_second:>7.1f} {s.pages_per_second:>8.1f} {memory:>16}"
            )
        one, two = results["local pool, 1 worker"], results["local pool, 2 workers"]
        speedup = two.docs_per_second / one.docs_per_second if one.docs_per_second else 0.0
        print(f"\nspeed-up, 2 workers over 1: {speedup:.2f}x (bar: {SPEEDUP_BAR}x)")
        if "dask local, 2 workers" in results:
            dask = results["dask local, 2 workers"]
            print(f"dask local over 1 worker:   {dask.docs_per_second / one.docs_per_second:.2f}x")
        peak = max(s.peak_worker_rss for s in results.values())
        print(f"peak worker memory: {peak / mib:.0f} MB (bar: {MEMORY_BAR / mib:.0f} MB)")
        print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        ok = speedup >= SPEEDUP_BAR and peak < MEMORY_BAR
        print("bars met" if ok else "bars NOT met")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
