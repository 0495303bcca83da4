"""Where the recompute leaves the matching snapshot for the API: S3 (or memory in tests).

The snapshot is one object, replaced whole, so a reader gets the old one or the new one.
Beside it, the digests of every list the recompute wrote, so the next run writes only
the lists that changed.
"""

import json
import zlib
from dataclasses import dataclass
from typing import Protocol

from botocore.exceptions import ClientError


@dataclass(frozen=True)
class StoredSnapshot:
    data: bytes
    computed_at: str
    tag: str  # changes whenever the object is replaced


class SnapshotStore(Protocol):
    def load(self) -> StoredSnapshot | None: ...

    def tag(self) -> str | None: ...

    def save(self, data: bytes, computed_at: str) -> None: ...

    def load_digests(self) -> dict[str, str]: ...

    def save_digests(self, digests: dict[str, str]) -> None: ...


class InMemorySnapshotStore:
    def __init__(self):
        self.snapshot: StoredSnapshot | None = None
        self.digests: dict[str, str] = {}
        self.saves = 0

    def load(self) -> StoredSnapshot | None:
        return self.snapshot

    def tag(self) -> str | None:
        return self.snapshot.tag if self.snapshot else None

    def save(self, data: bytes, computed_at: str) -> None:
        self.saves += 1
        self.snapshot = StoredSnapshot(data, computed_at, f"v{self.saves}")

    def load_digests(self) -> dict[str, str]:
        return dict(self.digests)

    def save_digests(self, digests: dict[str, str]) -> None:
        self.digests = dict(digests)


class S3SnapshotStore:
    def __init__(self, s3_client, bucket: str, key: str):
        self._s3, self._bucket, self._key = s3_client, bucket, key
        self._digests_key = key.rsplit(".", 1)[0] + "-digests.json.z"

    def load(self) -> StoredSnapshot | None:
        try:
            reply = self._s3.get_object(Bucket=self._bucket, Key=self._key)
        except ClientError as error:
            if error.response["Error"]["Code"] in ("NoSuchKey", "404"):
                return None
            raise
        return StoredSnapshot(reply["Body"].read(), reply["Metadata"].get("computed-at", ""), reply["ETag"])

    def tag(self) -> str | None:
        try:
            return self._s3.head_object(Bucket=self._bucket, Key=self._key)["ETag"]
        except ClientError as error:
            if error.response["Error"]["Code"] in ("NoSuchKey", "404"):
                return None
            raise

    def save(self, data: bytes, computed_at: str) -> None:
        self._s3.put_object(Bucket=self._bucket, Key=self._key, Body=data, Metadata={"computed-at": computed_at})

    def load_digests(self) -> dict[str, str]:
        try:
            body = self._s3.get_object(Bucket=self._bucket, Key=self._digests_key)["Body"].read()
        except ClientError as error:
            if error.response["Error"]["Code"] in ("NoSuchKey", "404"):
                return {}
            raise
        return json.loads(zlib.decompress(body))

    def save_digests(self, digests: dict[str, str]) -> None:
        body = zlib.compress(json.dumps(digests, separators=(",", ":")).encode())
        self._s3.put_object(Bucket=self._bucket, Key=self._digests_key, Body=body)
