"""The example notebook runs from top to bottom without errors."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import NOTEBOOK


def test_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # The kernel inherits the environment: Agg draws without a display.
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # scripts/test-python registers a kernel of the test environment under
    # its own name; the kernel listens on the loopback address only.
    kernel = os.environ.get("SIAT_KERNEL", "python3")
    client = NotebookClient(
        notebook, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )

    client.execute()

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    results = [output["data"].get("text/plain", "") for output in outputs if output.output_type == "execute_result"]
    assert "80.0" in results
    html = [output["data"].get("text/html", "") for output in outputs if output.output_type == "execute_result"]
    assert any("siat-scorecard" in text for text in html)

    # The radar of one initiative over the cohort, shown as SVG.
    svgs = [output["data"]["image/svg+xml"] for output in outputs if "image/svg+xml" in output.get("data", {})]
    assert len(svgs) == 1
    radar = ElementTree.fromstring(svgs[0])
    assert "Seoska Korpa Sremska" in "".join(radar.itertext())
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "On average 80% of production is organic" in printed
