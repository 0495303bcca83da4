"""The local AWS emulator (infra/local/emulator.py): moto's server, its list of services read once."""

import os
from pathlib import Path

import moto
import pytest
from moto import backends

from infra.local import emulator


@pytest.fixture
def restored(monkeypatch):
    """moto's own list_of_moto_modules again after the test (monkeypatch puts back what it set)."""
    monkeypatch.setattr(backends, "list_of_moto_modules", backends.list_of_moto_modules)


def test_the_kept_list_is_the_one_moto_reads(restored):
    folder = Path(moto.__file__).parent  # moto's own rule: its package's folders, bar __pycache__
    on_disk = [path.name for path in sorted(folder.iterdir()) if path.is_dir() and not path.name.startswith("__")]
    assert emulator.keep_module_list()  # False would mean this moto has no such list: nothing kept
    assert list(backends.list_of_moto_modules()) == on_disk
    assert {"dynamodb", "cognitoidp", "s3", "ses"} <= set(backends.list_of_moto_modules())


def test_once_kept_no_request_reads_the_package_folder_again(restored, monkeypatch):
    emulator.keep_module_list()

    def refuse(*args):
        raise AssertionError("moto's package folder was read again")

    monkeypatch.setattr(os, "listdir", refuse)
    assert "dynamodb" in backends.list_of_moto_modules()
    assert emulator.keep_module_list()  # keeping it again reads nothing either


def test_a_moto_without_the_list_is_left_as_it_is(monkeypatch):
    monkeypatch.delattr(backends, "list_of_moto_modules")
    assert not emulator.keep_module_list()
    assert not hasattr(backends, "list_of_moto_modules")
