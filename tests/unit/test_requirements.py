"""requirements.txt (what Chalice packages for Lambda) is generated from pyproject.toml."""

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_dependency_is_pinned_in_requirements_txt():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    wanted = {canonical(re.split(r"[\[<>=~! ]", dep)[0]) for dep in project["dependencies"]}
    pinned = {canonical(line.split("==")[0]) for line in (REPO / "requirements.txt").read_text().splitlines()
              if "==" in line and not line.startswith("#")}
    assert wanted <= pinned, f"run 'make requirements': missing {wanted - pinned}"


def test_requirements_txt_names_no_test_or_build_tools():
    pinned = (REPO / "requirements.txt").read_text()
    for tool in ("moto", "pytest", "chalice==", "numba", "scipy", "playwright"):
        assert tool not in pinned, tool
