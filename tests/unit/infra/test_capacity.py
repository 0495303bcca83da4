"""DynamoDB's billing rules as the cost meter applies them."""

from infra.cost.capacity import item_size, units_of


def test_item_size_follows_dynamodbs_rules():
    assert item_size({"user_id": {"S": "abc"}}) == 7 + 3
    assert item_size({"n": {"N": "12345"}}) == 1 + 4  # 5 digits -> 3 bytes + 1
    assert item_size({"flag": {"BOOL": True}}) == 4 + 1
    assert item_size({"tags": {"L": [{"S": "ab"}, {"S": "c"}]}}) == 4 + 3 + (2 + 1) + (1 + 1)


def test_reads_round_up_to_4_kb_and_eventual_reads_cost_half():
    big = {"Item": {"body": {"S": "x" * 5000}}}
    assert units_of("GetItem", {"TableName": "t", "ConsistentRead": True}, big)[0] == 2.0
    assert units_of("GetItem", {"TableName": "t"}, big)[0] == 1.0
    assert units_of("GetItem", {"TableName": "t"}, {})[0] == 0.5  # a miss still costs a read
    query = {"Items": [{"a": {"S": "x" * 3000}}, {"a": {"S": "x" * 3000}}]}
    assert units_of("Query", {"TableName": "t", "ConsistentRead": True}, query)[0] == 2.0  # summed, then rounded


def test_writes_round_up_to_1_kb_and_transactions_cost_double():
    put = {"TableName": "t", "Item": {"a": {"S": "x" * 1500}}}
    assert units_of("PutItem", put, {})[1] == 2.0
    transaction = {"TransactItems": [{"Put": put}, {"Update": {"TableName": "u", "Key": {}}},
                                     {"ConditionCheck": {"TableName": "p", "Key": {}}}]}
    reads, writes, by_table = units_of("TransactWriteItems", transaction, {})
    assert (reads, writes) == (0.0, 4.0 + 2.0 + 2.0)
    assert by_table == {"t:w": 4.0, "u:w": 2.0, "p:w": 2.0}
