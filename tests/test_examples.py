"""Every `sh` example in README.md and docs/batch.md runs as written, from the root of a checkout.

Each fenced ```sh block runs as one bash script (`set -e`, so any failing line fails it) in a
scratch folder that links to the checkout's corpus and sources, with the installed
`parse-decision` on PATH. The blocks of one file share the folder, in order, as a reader would
run them: the batch that writes results.jsonl comes before the register that reads it.

A few lines cannot run inside a test, and each is left out for the reason given in SKIP;
fences that are not `sh` (sample output, SQL, commands for other machines) are not commands.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, SHARED

# Pattern of a line not run here -> why.
SKIP = {
    r"\bpip install\b|\bvenv\b": "installing is what CI itself does (.ci/run)",
    r"\bpytest\b|\.ci/run|\bgit clone\b": "the test suite itself",
    r"/tmp/realdev": "the real development texts are third-party, rebuilt by hand (DEVELOPERS.md)",
}
LINKED = ("corpus", "src", "tests", "benchmarks", "schema", "models", "pyproject.toml")


def sh_blocks(path: Path) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def script(block: str) -> tuple[str, list[str]]:
    """The block with the lines that cannot run here commented out, and why they were."""
    lines, skipped = [], []
    for line in block.splitlines():
        reason = next((why for pattern, why in SKIP.items() if re.search(pattern, line)), None)
        if reason and not line.lstrip().startswith("#"):
            lines.append(f"# skipped ({reason}): {line}")
            skipped.append(reason)
        else:
            lines.append(line)
    return "\n".join(lines), skipped


CASES = [
    pytest.param(doc, index, block, id=f"{doc}-{index}")
    for doc in ("README.md", "docs/batch.md")
    for index, block in enumerate(sh_blocks(REPO / doc))
]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> dict[str, Path]:
    """One working folder per document, beside a link to ../shared when there is one."""
    folders = {}
    for doc in ("README.md", "docs/batch.md"):
        root = tmp_path_factory.mktemp("examples")
        work = root / "checkout"
        work.mkdir()
        for name in LINKED:
            (work / name).symlink_to(REPO / name)
        if SHARED.exists():
            (root / "shared").symlink_to(SHARED)
        folders[doc] = work
    return folders


@pytest.mark.parametrize(("doc", "index", "block"), CASES)
def test_example_runs_as_written(scratch, doc: str, index: int, block: str) -> None:
    text, skipped = script(block)
    commands = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    if not commands:
        pytest.skip("every line of this block: " + "; ".join(sorted(set(skipped))))
    if "../shared" in text and not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: the shared seeds and gold live beside the repository")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + text],
        cwd=scratch[doc],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, (
        f"{doc} block {index} failed:\n{text}\n--- stderr:\n{done.stderr[-3000:]}"
    )
    assert "Traceback" not in done.stderr
