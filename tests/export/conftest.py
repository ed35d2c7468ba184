"""Export fixtures: every SCORM package of the real content, built once; the browser
fixtures of tests/browser."""

from __future__ import annotations

import pytest

from crosstrain.export.files import export_format
from tests.browser.conftest import browser, page  # noqa: F401 (fixtures)
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def packages() -> dict[str, bytes]:
    """{<name>.<locale>.zip: zip bytes} for every module and essay quiz."""
    return export_format(ROOT, "scorm")
