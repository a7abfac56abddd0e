"""Extraction: quantitative targets, named projects, places and cited documents, and the word lists they use."""
