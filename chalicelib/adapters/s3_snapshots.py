"""The matching snapshot in S3 (``match_lists.ports.SnapshotStore``): where the recompute leaves it for the API.

The snapshot is one object, replaced whole, so a reader gets the old one or the new one; its
metadata says when it was computed and for how many people (which is how the hourly schedule
decides whether to shard). Beside it, the digests of every list the recompute wrote, so the next
run writes only the lists that changed, and under ``runs/`` the parts of a sharded run until it
is published (the template expires leftovers of abandoned runs).
"""

from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from chalicelib.match_lists.domain import StoredSnapshot
from chalicelib.match_lists.ports import MissingRunPartError
from chalicelib.matching import ListDigests

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import GetObjectOutputTypeDef, HeadObjectOutputTypeDef

MISSING = ("NoSuchKey", "404", "NotFound")


class S3SnapshotStore:
    def __init__(self, s3_client: "S3Client", bucket: str, key: str):
        self._s3, self._bucket, self._key = s3_client, bucket, key
        folder = key.rsplit("/", 1)[0] + "/" if "/" in key else ""
        self._digests_key = key.rsplit(".", 1)[0] + "-digests.arrays"
        self._runs = f"{folder}runs/"

    def load(self) -> StoredSnapshot | None:
        reply = self._get(self._key)
        if reply is None:
            return None
        return StoredSnapshot(reply["Body"].read(), reply["Metadata"].get("computed-at", ""), reply["ETag"])

    def tag(self) -> str | None:
        head = self._head()
        return None if head is None else head["ETag"]

    def population(self) -> int | None:
        head = self._head()
        return None if head is None else int(head["Metadata"].get("people", "0"))

    def save(self, data: bytes, computed_at: str, people: int) -> None:
        self._s3.put_object(Bucket=self._bucket, Key=self._key, Body=data,
                            Metadata={"computed-at": computed_at, "people": str(people)})

    def load_digests(self) -> ListDigests:
        reply = self._get(self._digests_key)
        return ListDigests.empty() if reply is None else ListDigests.from_bytes(reply["Body"].read())

    def save_digests(self, digests: ListDigests) -> None:
        self._s3.put_object(Bucket=self._bucket, Key=self._digests_key, Body=digests.to_bytes())

    def save_run(self, run: str, part: str, data: bytes) -> None:
        self._s3.put_object(Bucket=self._bucket, Key=f"{self._runs}{run}/{part}", Body=data)

    def load_run(self, run: str, part: str) -> bytes:
        reply = self._get(f"{self._runs}{run}/{part}")
        if reply is None:
            raise MissingRunPartError(f"run {run} has no {part}")
        return reply["Body"].read()

    def delete_run(self, run: str) -> None:
        pages = self._s3.get_paginator("list_objects_v2").paginate(Bucket=self._bucket, Prefix=f"{self._runs}{run}/")
        for page in pages:
            keys = [item["Key"] for item in page.get("Contents", [])]
            if keys:
                self._s3.delete_objects(Bucket=self._bucket,
                                        Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True})

    def _get(self, key: str) -> "GetObjectOutputTypeDef | None":
        try:
            return self._s3.get_object(Bucket=self._bucket, Key=key)
        except ClientError as error:
            if error.response["Error"]["Code"] in MISSING:
                return None
            raise

    def _head(self) -> "HeadObjectOutputTypeDef | None":
        try:
            return self._s3.head_object(Bucket=self._bucket, Key=self._key)
        except ClientError as error:
            if error.response["Error"]["Code"] in MISSING:
                return None
            raise
