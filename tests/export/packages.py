"""Every SCORM package of the real content, built once per test session (the export tests
and the browser tests both read them)."""

from __future__ import annotations

import functools

from crosstrain.export.files import export_format
from tests.conftest import ROOT


@functools.cache
def all_packages() -> dict[str, bytes]:
    """{<name>.<locale>.zip: zip bytes} for every module and essay quiz."""
    return export_format(ROOT, "scorm")
