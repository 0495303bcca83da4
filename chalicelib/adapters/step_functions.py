"""The sharded recompute's state machine in AWS Step Functions (``match_lists.ports.ShardedRunStarter``)."""

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_stepfunctions import SFNClient


class StepFunctionsRecomputeStarter:
    def __init__(self, sfn_client: "SFNClient", state_machine_arn: str):
        self._sfn, self._arn = sfn_client, state_machine_arn

    def start(self, now: datetime) -> str | None:
        """Start an execution unless one is still running (an hourly run must not overlap the last)."""
        running = self._sfn.list_executions(stateMachineArn=self._arn, statusFilter="RUNNING", maxResults=1)
        if running.get("executions"):
            return None
        name = f"recompute-{now.strftime('%Y%m%dT%H%M%S')}"
        return self._sfn.start_execution(stateMachineArn=self._arn, name=name, input="{}")["executionArn"]
