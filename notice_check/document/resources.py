"""Load the YAML data files of the document stage once (language data lives in data/, not in code)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML


@cache
def load_data(name: str) -> dict[str, Any]:
    """Read `notice_check/document/data/<name>.yaml`; cached because every load_document needs it."""
    text = resources.files("notice_check.document.data").joinpath(f"{name}.yaml").read_text("utf-8")
    return YAML(typ="safe", pure=True).load(text) or {}
