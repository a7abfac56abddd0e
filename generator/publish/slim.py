"""Slim: the built site's stylesheet without the rules no page can use (text in, text out).

mkdocs-material ships one stylesheet for every feature it has (admonitions, tabs, code blocks,
blog posts…); a plan's pages use a part of it. A rule is kept when every class its selector
requires (outside :is(), :not() and the like) is named somewhere in the site's HTML or scripts,
where material's script names the classes it adds as the reader browses. At-rules are kept, and
@media, @supports and @layer blocks are slimmed inside.
"""

from generator import patterns

GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container")


def used_names(texts) -> frozenset[str]:
    """Every word that could be a class name in the given HTML and script texts."""
    names: set[str] = set()
    for text in texts:
        names.update(patterns.NAME_TOKEN.findall(text))
    return frozenset(names)


def unused_rules_removed(css: str, used: frozenset[str]) -> str:
    """The stylesheet without the rules whose selectors all require a class named nowhere in ``used``."""
    kept = []
    for prelude, body in _blocks(css):
        if body is None:
            kept.append(prelude)
            continue
        head = prelude.strip()
        if head.startswith(GROUPING_AT_RULES):
            inner = unused_rules_removed(body, used)
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
        elif head.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [selector for selector in _split_selectors(prelude) if _can_match(selector, used)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def _can_match(selector: str, used: frozenset[str]) -> bool:
    """Whether every class the selector requires (outside parentheses) is used somewhere."""
    required = patterns.CSS_CLASS.findall(_outside_parentheses(selector))
    return all(name in used for name in required)


def _outside_parentheses(text: str) -> str:
    """The text with every parenthesised part (:not(.a), :is(.a,.b)) left out."""
    if "(" not in text and ")" not in text:  # most selectors: nothing to scan for
        return text
    depth, kept = 0, []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def _split_selectors(prelude: str) -> list[str]:
    """A selector list cut at its top-level commas (not those inside :is(…) or [attr="a,b"])."""
    if not any(mark in prelude for mark in "()[]\"'"):  # most lists: every comma is a top-level one
        return prelude.split(",")
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(prelude):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """The top-level blocks of a stylesheet: (prelude, body), and (trailing text, None) at the end."""
    blocks: list[tuple[str, str | None]] = []
    position = 0
    while position < len(css):
        opening = css.find("{", position)
        if opening < 0:
            blocks.append((css[position:], None))
            break
        end = _block_end(css, opening)
        blocks.append((css[position:opening], css[opening + 1 : end - 1]))
        position = end
    return blocks


def _block_end(css: str, opening: int) -> int:
    """Where the block opened at ``opening`` ends (after its closing brace; the text's end if none).

    Only braces, quotes and backslashes matter, so the scan jumps from one to the next.
    """
    depth, quote, escaped = 1, "", -1
    for match in patterns.CSS_SYNTAX.finditer(css, opening + 1):
        at, char = match.start(), match.group()
        if at == escaped:
            continue
        if quote:
            if char == "\\":
                escaped = at + 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if not depth:
                return at + 1
    return len(css)
