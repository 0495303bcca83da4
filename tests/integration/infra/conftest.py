"""The packaged production template, made once per test session (per worker) for every infra test.

The real `chalice package --stage prod` runs on a copy of exactly what Chalice ships (app.py,
chalicelib/, .chalice/*.json) without requirements.txt: dependencies change only deployment.zip,
never the template, and downloading them would make this slow and networked.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
TEMPLATE = REPO / "infra" / "template.json"
REGION = "eu-west-2"


@pytest.fixture(scope="session")
def packaged(tmp_path_factory) -> Path:
    """Run `chalice package --stage prod --merge-template infra/template.json` and return sam.json."""
    project = tmp_path_factory.mktemp("chalice-project")
    shutil.copy2(REPO / "app.py", project / "app.py")
    shutil.copytree(REPO / "chalicelib", project / "chalicelib", ignore=shutil.ignore_patterns("__pycache__"))
    if (REPO / "vendor").is_dir():
        shutil.copytree(REPO / "vendor", project / "vendor")
    (project / ".chalice").mkdir()
    for config_file in (REPO / ".chalice").glob("*.json"):
        shutil.copy2(config_file, project / ".chalice" / config_file.name)
    out = project / "out"
    env = {**os.environ, "AWS_DEFAULT_REGION": REGION}
    chalice = Path(sys.executable).with_name("chalice")
    result = subprocess.run(
        [str(chalice), "package", "--stage", "prod", "--merge-template", str(TEMPLATE), str(out)],
        cwd=project, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, f"chalice package failed:\n{result.stdout}\n{result.stderr}"
    return out / "sam.json"


@pytest.fixture(scope="session")
def merged(packaged) -> dict:
    return json.loads(packaged.read_text())
