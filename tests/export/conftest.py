"""Export fixtures (the SCORM packages' browser tests are in tests/browser, beside the
fixtures that own the session's one Playwright instance)."""

from __future__ import annotations

import pytest

from tests.export.packages import all_packages


@pytest.fixture(scope="session")
def packages() -> dict[str, bytes]:
    return all_packages()
