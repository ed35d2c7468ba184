"""Hostile texts, each one a way out of an HTML, attribute, JSON or Markdown context."""

from __future__ import annotations

PAYLOADS = (
    "<script>alert('xss-script')</script>",
    "<img src=x onerror=alert('xss-img')>",
    "\"><svg onload=alert('xss-svg')>",
    "</title><script>alert('xss-title')</script>",
    "<!--<script>",
    "</script><script>alert('xss-json')</script>",
    "a\u2028b\u2029c & d < e > f",
    "[click](javascript:alert('xss-link'))",
    "' onmouseover='alert(1)",
)
ALL = " ".join(PAYLOADS)


def payload_text(i: int) -> str:
    """One payload inside an ordinary sentence (notes and banks want real text around it)."""
    return f"Văn bản {i} {PAYLOADS[i % len(PAYLOADS)]} kết thúc."
