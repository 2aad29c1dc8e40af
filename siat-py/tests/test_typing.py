"""The type stubs: a usage file passes `mypy --strict`, and `stubtest`
finds the stubs in line with the compiled module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_mypy(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *arguments], capture_output=True, text=True, check=False, cwd=HERE
    )


def test_usage_passes_mypy_strict() -> None:
    completed = run_mypy("mypy", "--strict", "--no-error-summary", str(HERE / "typing" / "usage.py"))
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_stubs_match_compiled_module() -> None:
    completed = run_mypy("mypy.stubtest", "siat._siat")
    assert completed.returncode == 0, completed.stdout + completed.stderr
