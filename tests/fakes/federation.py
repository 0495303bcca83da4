"""In-memory identity links: the user pool's AdminLinkProviderForUser, over the in-memory directory."""

from tests.fakes.accounts import InMemoryDirectory


class InMemoryLinker:
    def __init__(self, directory: InMemoryDirectory):
        self.directory = directory
        self.links: dict[tuple[str, str], str] = {}  # (provider, subject) -> username

    def link(self, username: str, provider: str, subject: str) -> None:
        if username not in self.directory.users:
            raise LookupError(username)  # Cognito: UserNotFoundException
        self.links[(provider, subject)] = username


class InMemoryUserPools:
    """Every pool id names the one in-memory pool."""

    def __init__(self, directory: InMemoryDirectory, linker: InMemoryLinker):
        self._directory, self._linker = directory, linker

    def directory(self, pool_id: str) -> InMemoryDirectory:
        return self._directory

    def linker(self, pool_id: str) -> InMemoryLinker:
        return self._linker
