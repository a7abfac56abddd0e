"""Rendering: a document becomes Markdown pages, share pages and data files."""
