"""The suite's own promise: a stuck test fails by name with its stack, instead of holding up the run."""

import subprocess
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

STUCK = '''
import threading


def test_waits_for_something_that_never_comes():
    threading.Event().wait()
'''


def test_every_test_in_this_suite_runs_under_a_time_limit(request):
    assert request.config.pluginmanager.hasplugin("timeout")
    assert 0 < float(request.config.getini("timeout")) <= 600


def test_a_stuck_test_fails_by_name_with_where_it_waited(tmp_path):
    (tmp_path / "test_stuck.py").write_text(STUCK)
    # The suite's own configuration, with a one-second limit instead of five minutes.
    run = subprocess.run([sys.executable, "-m", "pytest", "-c", str(PYPROJECT), "--rootdir", str(tmp_path),
                          "-p", "no:cacheprovider", "-o", "timeout=1", "test_stuck.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "FAILED test_stuck.py::test_waits_for_something_that_never_comes" in run.stdout
    assert "Timeout" in run.stdout and "threading.Event().wait()" in run.stdout
