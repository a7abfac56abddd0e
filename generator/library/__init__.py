"""The library: what is built across documents — the catalogue, its pages, the comparison of targets."""
