"""Reading a document: decode and ingest the page, parse the tree, assign permanent IDs, read its seeds."""
