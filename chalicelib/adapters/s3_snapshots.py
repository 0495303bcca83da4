"""The matching snapshot in S3 (``match_lists.ports.SnapshotStore``): where the recompute leaves it for the API.

The snapshot is one object, replaced whole, so a reader gets the old one or the new one.
Beside it, the digests of every list the recompute wrote, so the next run writes only
the lists that changed.
"""

import json
import zlib
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.match_lists.domain import StoredSnapshot

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class S3SnapshotStore:
    def __init__(self, s3_client: "S3Client", bucket: str, key: str):
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
        digests: dict[str, str] = json.loads(zlib.decompress(body))
        return digests

    def save_digests(self, digests: dict[str, str]) -> None:
        body = zlib.compress(json.dumps(digests, separators=(",", ":")).encode())
        self._s3.put_object(Bucket=self._bucket, Key=self._digests_key, Body=body)
