"""Romanisation: Chinese names in pinyin syllables, for index order, letter headings, anchors and slugs.

pypinyin's tables take a fifth of a second to load, so the build may run this in a worker process
of its own while the plan is read (see build.py); whoever calls it gets the same syllables.
"""


def romanised(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each text in toneless pinyin syllables, phrases read as words (重庆 → chong, qing); other runs kept as written."""
    from pypinyin import lazy_pinyin

    return tuple(tuple(lazy_pinyin(text)) for text in texts)


def prepare() -> None:
    """Load pypinyin's tables, so that the first romanisation is quick."""
    import pypinyin  # noqa: F401
