"""plansite: publish a Chinese government plan as a clause-citable reading site.

Stages, one module each: ingest → parse → render / export → build (the only file I/O).
"""
