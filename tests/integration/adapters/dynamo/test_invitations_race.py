"""50 different people redeem one invitation with 10 uses at the same moment: exactly 10 get in.

Real DynamoDB makes each call atomic and isolated; moto's in-process DynamoDB does not under
threads (it undoes a failed transaction by restoring whole-table copies, losing other threads'
writes). ``atomic_calls`` gives moto DynamoDB's guarantee, one lock around each API call and no
more: between calls the threads interleave freely, so the service's read-check-then-redeem steps
still race, and only the transaction's conditions keep the count right.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from chalicelib.bootstrap import services
from chalicelib.invitations import service
from chalicelib.invitations.domain import InvitationNotValidError, hash_code
from chalicelib.invitations.ratelimit import caller

PEOPLE = 50
MAX_USES = 10
ROUNDS = 3


def redeem_all_at_once(stores, code: str, round_number: int, now: datetime) -> list[bool]:
    start = threading.Barrier(PEOPLE)

    def redeem(number: int) -> bool:
        person = f"person-{round_number}-{number}"
        start.wait()
        try:
            service.redeem_invitation(code, person, caller(person, None), stores, now)
            return True
        except InvitationNotValidError:
            return False

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        return list(pool.map(redeem, range(PEOPLE)))


def test_fifty_parallel_redemptions_of_ten_uses_give_exactly_ten_memberships(aws, atomic_calls):
    stores = services().invitations
    now = datetime.now(UTC)
    for round_number in range(ROUNDS):
        code = service.create_invitation({"organisation_id": "hm-revenue-customs", "max_uses": MAX_USES},
                                         "admin-1", stores, now)["code"]
        outcomes = redeem_all_at_once(stores, code, round_number, now)
        joined = [n for n in range(PEOPLE)
                  if stores.memberships.get(f"person-{round_number}-{n}", "hm-revenue-customs")]
        uses = stores.invitations.find_by_code_hash(hash_code(code)).uses
        print(f"\n[race] round {round_number + 1}: {PEOPLE} parallel redemptions of an invitation with max_uses "
              f"{MAX_USES}: {outcomes.count(True)} succeeded, {outcomes.count(False)} refused, "
              f"{len(joined)} memberships recorded, uses counted {uses}")
        assert outcomes.count(True) == len(joined) == uses == MAX_USES
        assert [outcomes[n] for n in joined] == [True] * MAX_USES


def test_one_person_redeeming_from_many_threads_at_once_counts_one_use(aws, atomic_calls):
    stores = services().invitations
    now = datetime.now(UTC)
    code = service.create_invitation({"organisation_id": "hm-revenue-customs", "max_uses": 5},
                                     "admin-1", stores, now)["code"]
    start = threading.Barrier(10)

    def redeem(_):
        start.wait()
        return service.redeem_invitation(code, "same-person", caller("same-person", None), stores, now)

    with ThreadPoolExecutor(max_workers=10) as pool:
        replies = list(pool.map(redeem, range(10)))
    assert all(reply["organisation"]["id"] == "hm-revenue-customs" for reply in replies)
    assert stores.invitations.find_by_code_hash(hash_code(code)).uses == 1
