"""China's administrative divisions read from the Ministry of Civil Affairs' code list (divisions.txt).

The list gives a code and a name; the rest is read from them by rule. A code's digits give its level
(ss0000 a province, sspp00 a prefecture, any other a county) and its parent (the prefecture sspp00
where the list has it, else the province: 济源市 and Beijing's districts belong to their province).
The name's suffix gives the kind (division_kinds.yml: 自治州, 盟, 县级市…), and the short name is the
name without its suffix and the ethnic groups before it: 凉山彝族自治州 → 凉山, 广西壮族自治区 → 广西.
"""

from generator.model import AdminDivision, DivisionKind, DivisionKindInfo, DivisionLevel
from generator.patterns import DIVISION_LINE

# A short name of one character is no name (赵县 has none): too many words hold it.
SHORTEST = 2
ETHNIC_MARK = "族"
# What an autonomous division's suffix holds (自治州, 自治县): its name may end in groups without 族.
AUTONOMOUS = "自治"


def read_divisions(text: str, kinds: dict[DivisionKind, DivisionKindInfo], ethnic_groups: tuple[str, ...]) -> tuple[AdminDivision, ...]:
    """Every division of the list's text ("code name" lines; # lines are comments), in code order."""
    names = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = DIVISION_LINE.fullmatch(line)
        if not match:
            raise ValueError(f"line {number}: expected a 6-digit code, a space and a name, not {line!r}")
        names[match["code"]] = match["name"]
    divisions = []
    for code, name in sorted(names.items()):
        level = _level(code)
        info = _kind(name, level, kinds)
        if info is None:
            raise ValueError(f"{code} {name}: the name ends in no suffix of a {level.value}-level kind")
        short, written = short_names(name, info, ethnic_groups)
        divisions.append(
            AdminDivision(code, name, info.kind, level, _parent(code, level, names), code[:2] + "0000", short, written)
        )
    return tuple(divisions)


def short_names(name: str, info: DivisionKindInfo, ethnic_groups: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The short name people write (杭州; "" for none) and other written forms (凉山州, 鄂温克旗).

    The suffix goes, then every ethnic group before it (双江拉祜族佤族布朗族傣族自治县 → 双江); a name
    that is all ethnic group (鄂温克族自治旗) has no short name, only the group with the suffix's
    written form (鄂温克旗).
    """
    endings = sorted((suffix for suffix in info.suffixes if name.endswith(suffix)), key=len, reverse=True)
    suffix = next((suffix for suffix in endings if len(name) - len(suffix) >= SHORTEST), endings[0])
    stem = name[: -len(suffix)]
    bare = _without_ethnic_groups(stem, ethnic_groups, AUTONOMOUS in suffix)
    written = ()
    if len(bare) < SHORTEST:
        if bare or not info.written:
            return "", ()
        group = stem.removesuffix(ETHNIC_MARK)
        return "", (group + info.written,) if len(group) >= SHORTEST else ()
    if info.written:
        written = (bare + info.written,)
    return bare, written


def _without_ethnic_groups(stem: str, ethnic_groups: tuple[str, ...], autonomous: bool) -> str:
    """A stem without the ethnic groups it ends with: 凉山彝族 → 凉山, 管城回族 → 管城.

    Without 族 a group is dropped only from an autonomous division's name (巴音郭楞蒙古自治州 →
    巴音郭楞), and never to leave one character (内蒙古 stays); "" when nothing but groups is left.
    """
    by_length = sorted(ethnic_groups, key=len, reverse=True)
    while True:
        for group in by_length:
            if stem.endswith(group + ETHNIC_MARK):
                stem = stem[: -len(group) - 1]
                break
            rest = stem[: -len(group)]
            if autonomous and len(group) >= SHORTEST and stem.endswith(group) and len(rest) != 1:
                stem = rest
                break
        else:
            return stem


def _level(code: str) -> DivisionLevel:
    """A division's level by its code: ss0000 a province, sspp00 a prefecture, else a county."""
    if code.endswith("0000"):
        return DivisionLevel.PROVINCE
    if code.endswith("00"):
        return DivisionLevel.PREFECTURE
    return DivisionLevel.COUNTY


def _parent(code: str, level: DivisionLevel, names: dict[str, str]) -> str:
    """The code of the division above: the prefecture where the list has it, else the province."""
    if level is DivisionLevel.PROVINCE:
        return ""
    prefecture = code[:4] + "00"
    if level is DivisionLevel.COUNTY and prefecture in names:
        return prefecture
    return code[:2] + "0000"


def _kind(name: str, level: DivisionLevel, kinds: dict[DivisionKind, DivisionKindInfo]) -> DivisionKindInfo | None:
    """The kind of the level whose suffix is the longest the name ends with (自治县 before 县), unless
    it would leave one character: 金林区 is a 区 named 金林, not a 林区 named 金 (神农架林区 is one)."""
    candidates = sorted(
        (
            (len(suffix), info)
            for info in kinds.values()
            if info.level is level and (not info.names or name in info.names)
            for suffix in info.suffixes
            if name.endswith(suffix)
        ),
        key=lambda candidate: -candidate[0],
    )
    named = [info for length, info in candidates if len(name) - length >= SHORTEST]
    return (named or [info for _, info in candidates] or [None])[0]
