"""Romanisation: Chinese names in pinyin syllables, for index order, letter headings, anchors and slugs."""


def romanised(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each text in toneless pinyin syllables, phrases read as words (重庆 → chong, qing); other runs kept as written."""
    from pypinyin import lazy_pinyin

    return tuple(tuple(lazy_pinyin(text)) for text in texts)

