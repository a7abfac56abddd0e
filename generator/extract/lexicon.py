"""jieba's dictionary, loaded once per process for the indexes, which segment Chinese with it.

Loading it costs more than a whole mkdocs render of a plan, so it happens once: the indexes read
its frequencies and part-of-speech tags, and cut text with one tokenizer that is never given words
(so a build does not depend on what an earlier build in the same process did).
"""

from functools import lru_cache


@lru_cache(maxsize=1)
def _loaded() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's dictionary read once: frequencies (with every word's prefixes, as its tokenizer
    needs them), their total, and the words' part-of-speech tags."""
    import jieba

    with jieba.dt.get_dict_file() as file:
        fields = file.read().decode("utf-8").split()
    # Each line is "word frequency tag": what jieba.Tokenizer.gen_pfdict reads, tags kept.
    words, counts = fields[0::3], [int(count) for count in fields[1::3]]
    frequency = dict.fromkeys([word[:end] for word in words for end in range(1, len(word))], 0)
    frequency.update(zip(words, counts))
    total = sum(counts)
    tags = dict(zip(words, fields[2::3]))
    return frequency, total, tags


def frequencies() -> tuple[dict[str, int], int]:
    """jieba's word frequencies (prefixes at 0) and their total, as loaded (no words added)."""
    frequency, total, _ = _loaded()
    return frequency, total


def word_tags() -> dict[str, str]:
    """The part-of-speech tag of each word of jieba's dictionary (n, v, a, ns…)."""
    return _loaded()[2]


@lru_cache(maxsize=1)
def plain_tokenizer():
    """A tokenizer with jieba's dictionary only, shared: it is never given words, so it shares the
    loaded table rather than copying it (nothing writes to it)."""
    import jieba

    segmenter = jieba.Tokenizer()
    segmenter.FREQ, segmenter.total = frequencies()
    segmenter.initialized = True
    return segmenter


def tagged(text: str) -> list[tuple[str, str]]:
    """The words of a text with their tags, as jieba.posseg cuts it without its HMM ('x' if unknown)."""
    tags = word_tags()
    return [(word, tags.get(word, "eng" if word.isascii() and word.isalnum() else "x")) for word in plain_tokenizer().cut(text, HMM=False)]
