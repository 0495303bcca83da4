"""`make run` and `make test` install the Python tools with uv, and with pip when uv cannot (no route
to its index, say): the Makefile's venv_install, run with stand-ins for uv and pip that record what
they were asked. And the commands make runs keep Python's bytecode caches."""

import os
import subprocess
from pathlib import Path

from tests.conftest import REPO

RECORDER = """#!/bin/sh
echo "$(basename "$0") $*" >> "{log}"
exit {status}
"""


def install(tmp_path: Path, uv_status: int) -> list[str]:
    """Runs $(call venv_install,...) for checkov's requirements into a stand-in environment."""
    log = tmp_path / "calls.log"
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for path, status in ((tmp_path / "uv", uv_status), (venv / "bin" / "pip", 0)):
        path.write_text(RECORDER.format(log=log, status=status))
        path.chmod(0o755)
    rule = f"install-check: ; @$(call venv_install,{venv},$(CHECKOV_TOOLS))"
    done = subprocess.run(["make", "--no-print-directory", "--eval", rule, f"UV={tmp_path / 'uv'}", "install-check"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return log.read_text().splitlines()


def test_uv_installs_into_the_environment_and_pip_is_not_asked(tmp_path):
    calls = install(tmp_path, uv_status=0)

    assert calls == [f"uv pip install --quiet --native-tls --python {tmp_path}/venv/bin/python checkov>=3.3,<4"]


def test_when_uv_fails_pip_makes_the_same_install_in_the_same_environment(tmp_path):
    calls = install(tmp_path, uv_status=2)

    assert calls == [
        f"uv pip install --quiet --native-tls --python {tmp_path}/venv/bin/python checkov>=3.3,<4",
        "pip install --quiet --no-compile --disable-pip-version-check checkov>=3.3,<4",
    ]


def test_the_commands_make_runs_keep_pythons_bytecode_caches_even_where_the_environment_says_not_to():
    """PYTHONDONTWRITEBYTECODE=1 (set by many CI images) would make each of the suite's Python
    processes compile every module it imports again; the Makefile does not pass it on."""
    rule = "bytecode-check: ; @$(BIN)/python -c 'import sys; print(sys.dont_write_bytecode)'"
    done = subprocess.run(["make", "--no-print-directory", "--eval", rule, "bytecode-check"], cwd=REPO,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, capture_output=True, text=True,
                          timeout=60)

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "False"
