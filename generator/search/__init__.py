"""Search: the indexes readers query."""
