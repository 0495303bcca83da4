"""`make run`'s promise: Ctrl-C stops every process the local stack started."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, free_port

pytestmark = pytest.mark.e2e


def answers(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def running_commands() -> str:
    """Every running process's command line, one a line (from /proc)."""
    lines = []
    for entry in Path("/proc").iterdir():
        try:
            lines.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:  # not a process, or it ended while being read
            continue
    return "\n".join(lines)


def test_ctrl_c_stops_the_emulator_the_api_with_its_worker_and_the_site(tmp_path):
    ports = {"--moto-port": free_port(), "--api-port": free_port(), "--site-port": free_port()}
    ready = tmp_path / "ready.json"
    # Two API processes, not make run's 16: the stop is the same for any number, and 16 cost this
    # test twice the CPU (25 against 12 CPU-seconds).
    command = [sys.executable, "-m", "infra.local.stack", "--people", "5", "--api-workers", "2", "--ready-file", str(ready)]
    command += [str(part) for pair in ports.items() for part in pair]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "COGNITO_"))}
    stack = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists() and stack.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert json.loads(ready.read_text())["site_url"].endswith(str(ports["--site-port"]))
        assert all(answers(port) for port in ports.values())
        # The emulator the README names (moto's server with its service list kept: emulator.py).
        assert f"infra.local.emulator -H 127.0.0.1 -p {ports['--moto-port']}" in running_commands()
        stack.send_signal(signal.SIGINT)  # what Ctrl-C sends
        assert stack.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while any(answers(port) for port in ports.values()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [port for port in ports.values() if answers(port)], "a process still holds its port"
    finally:
        if stack.poll() is None:  # a failed check: stop it as Ctrl-C does, so what it started stops too
            stack.send_signal(signal.SIGINT)
            try:
                stack.wait(timeout=30)
            except subprocess.TimeoutExpired:
                stack.kill()
