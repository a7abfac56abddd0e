"""The generator's shape: stages only look down (base → read → extract → render → search/library →
publish/sources → build → cli), with no import cycle and no import hidden inside a function."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Each stage's rank: a module may import its own stage's modules and those of lower ranks only.
STAGES = {
    "generator": 0, "generator.model": 0, "generator.patterns": 0, "generator.errors": 0,
    "generator.urls": 0, "generator.data": 0,
    "generator.read": 1,
    "generator.extract": 2,
    "generator.render": 3,
    "generator.search": 4, "generator.library": 4,
    "generator.publish": 5, "generator.sources": 5,
    "generator.build": 6,
    "generator.cli": 7,
    "generator.__main__": 8,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(path): ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _stage(module: str) -> int:
    """The rank of the stage a module belongs to: its longest prefix named in STAGES."""
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        if ".".join(parts[:size]) in STAGES:
            return STAGES[".".join(parts[:size])]
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def _imported(node: ast.AST, module: str) -> list[str]:
    """The generator modules an import statement names (a package import names its modules too)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")
            if not (PACKAGE / Path(*base[1:]) / "__init__.py").exists():
                base = base[:-1]
            base = base[: len(base) - node.level + 1]
            stem = ".".join(base + ([node.module] if node.module else []))
        else:
            stem = node.module or ""
        names = [stem] + [f"{stem}.{alias.name}" for alias in node.names]
    else:
        return []
    return [name for name in names if name in MODULES]


def _edges(inside_functions: bool) -> list[tuple[str, str, int]]:
    """(importer, imported, line) for every import of a generator module, at module level or inside functions."""
    edges = []
    for module, tree in MODULES.items():
        nested = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(function)
        }
        for node in ast.walk(tree):
            if (id(node) in nested) == inside_functions:
                edges += [(module, name, node.lineno) for name in _imported(node, module) if name != module]
    return edges


def test_every_module_belongs_to_a_stage():
    for module in MODULES:
        _stage(module)


def test_no_stage_imports_a_later_one():
    upward = [
        f"{importer}:{line} imports {imported}"
        for importer, imported, line in _edges(False) + _edges(True)
        if _stage(imported) > _stage(importer)
    ]
    assert upward == []


def test_no_import_inside_a_function():
    # An import inside a function is how a cycle hides; the generator's own modules are imported at the top.
    assert _edges(True) == []


def test_no_import_cycle():
    graph: dict[str, set[str]] = {}
    for importer, imported, _ in _edges(False) + _edges(True):
        graph.setdefault(importer, set()).add(imported)
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]):
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                raise AssertionError("import cycle: " + " → ".join(path[path.index(target):] + [target]))
            if target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_the_checker_sees_a_cycle_and_an_upward_import():
    # The rules above must be able to fail: a made-up read module importing render is caught.
    tree = ast.parse("from generator.render import pages\n")
    node = tree.body[0]
    assert _imported(node, "generator.read.parse") == ["generator.render", "generator.render.pages"]
    assert _stage("generator.render.pages") > _stage("generator.read.parse")
