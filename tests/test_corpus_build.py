"""The committed corpus PDFs and pages are what corpus/build.py makes from the sources."""

import subprocess
import sys

from tests.helpers import CORPUS


def test_corpus_rebuilds_byte_for_byte_and_gold_agrees_with_sources():
    result = subprocess.run(
        [sys.executable, str(CORPUS / "build.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
