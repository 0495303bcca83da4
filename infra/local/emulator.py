"""The local AWS emulator: moto's server, with one answer it works out for every request kept.

    python -m infra.local.emulator -H 127.0.0.1 -p 4566     (infra/local/stack.py starts it)

For every request, moto's server lists the folders of its own package (one directory read and a
stat call for each of its ~180 entries) to see whether the request's host names one of them: about
0.8 ms of CPU for the same answer every time, a quarter of the server's CPU for a small DynamoDB
call (2,000 PutItem and GetItem calls: 6.2-7.2 s with it, 4.9-6.0 s without; 2-core machine,
2026-12-02). `keep_module_list` lists them once. Everything else is moto's server as it is; with a
moto that no longer has the function, nothing is replaced.
"""

import sys
from collections.abc import Iterable

from moto import backends
from moto.server import main as serve


def keep_module_list() -> bool:
    """Lists moto's service folders once, for every later request; False if this moto has no such list."""
    listing = getattr(backends, "list_of_moto_modules", None)
    if listing is None:
        return False
    if getattr(listing, "kept", False):
        return True
    kept = tuple(listing())

    def list_of_moto_modules() -> Iterable[str]:
        return kept

    list_of_moto_modules.kept = True  # type: ignore[attr-defined]
    backends.list_of_moto_modules = list_of_moto_modules
    return True


def main(argv: list[str]) -> None:
    keep_module_list()
    serve(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
