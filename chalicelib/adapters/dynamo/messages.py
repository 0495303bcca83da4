"""Message threads in DynamoDB (``mentorships.ports.MessageRepository``).

A thread is read a page at a time, oldest first; a page is the messages after a given message
id (ids sort by time), so a cursor is simply the last id the reader has seen.
"""

from chalicelib.adapters.dynamo.tables import MessageModel
from chalicelib.mentorships.domain import Message


class DynamoMessageRepository:
    def add(self, message: Message) -> None:
        to_model(message).save(MessageModel.message_id.does_not_exist())

    def page(self, mentorship_id: str, after: str, limit: int) -> list[Message]:
        condition = MessageModel.message_id > after if after else None
        items = MessageModel.query(mentorship_id, condition, consistent_read=True, limit=limit,
                                   scan_index_forward=True)
        return [to_message(item) for item in items]

    def delete_thread(self, mentorship_id: str) -> int:
        keys = MessageModel.query(mentorship_id, attributes_to_get=["mentorship_id", "message_id"])
        count = 0
        with MessageModel.batch_write() as batch:
            for item in keys:
                batch.delete(item)
                count += 1
        return count


def to_model(message: Message) -> MessageModel:
    return MessageModel(
        mentorship_id=message.mentorship_id, message_id=message.message_id, sender_id=message.sender_id,
        body=message.body, sent_at=message.sent_at,
    )


def to_message(item: MessageModel) -> Message:
    return Message(
        mentorship_id=item.mentorship_id, message_id=item.message_id, sender_id=item.sender_id,
        body=item.body, sent_at=item.sent_at,
    )
