"""Data categories: fideslang's tree, manifest extensions, and notice phrases mapped onto both."""

from notice_check.taxonomy.core import Category, Taxonomy, default_taxonomy
from notice_check.taxonomy.phrases import normalize

__all__ = ["Category", "Taxonomy", "default_taxonomy", "normalize"]
