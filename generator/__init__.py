"""plansite: publish Chinese government plans and reports as a clause-citable reading library.

The pipeline, one stage per package: read/ (decode and ingest a page, parse the document tree,
assign permanent IDs, read its metadata and seeds) → extract/ (targets, projects, places, cited
documents) → render/ (Markdown pages, share pages, data files) → publish/ (each document through
mkdocs into a folder of its own, finished, cached) → library/ (home, regions, comparison of targets,
across documents) → search/ (the indexes readers query). build.py runs them; sources.py and
publish/ are the only code that touches files.
"""
