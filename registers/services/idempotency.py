"""A POST sent again with the same Idempotency-Key gets the first answer again, not a second
record (IETF draft-ietf-httpapi-idempotency-key-header; quality targets §2.1, R5).

Keys are scoped to the LA. What a key was first sent with is kept as a fingerprint: the same
key with a different request is refused. Only work that was done is kept: a request refused
for its content (a 400) keeps nothing, so the corrected request may use the same key.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from registers.errors import ApplicationError
from registers.models import ApiToken, IdempotentRequest

KEY_REUSED = (
    "This Idempotency-Key was already used for a different request. Send a new key with a new "
    "request; send the same request with the same key to get its first response again"
)


class IdempotencyKeyReused(ApplicationError):
    """The key was first sent with something else: a conflict, not a problem with a field."""

    def __init__(self) -> None:
        super().__init__({"Idempotency-Key": [KEY_REUSED]})

    def __str__(self) -> str:
        return KEY_REUSED


@dataclass(frozen=True)
class Answer:
    status_code: int
    body: dict
    # True when this is the first answer given again.
    replayed: bool = False


def _first_answer(*, token: ApiToken, key: str, fingerprint: str) -> Answer | None:
    earlier = IdempotentRequest.objects.filter(authority_id=token.authority_id, key=key).first()
    if earlier is None:
        return None
    if earlier.fingerprint != fingerprint:
        raise IdempotencyKeyReused()
    return Answer(earlier.status_code, earlier.response, replayed=True)


def idempotent_request_answer(
    *,
    token: ApiToken,
    key: str,
    path: str,
    fingerprint: str,
    work: Callable[[], Answer],
) -> Answer:
    """The first answer to this key, or `work`'s answer, kept with the key in its transaction.

    Two requests with one key racing each other both do the work; the database's unique
    constraints let one commit, and the other then answers as a retry would.
    """
    first = _first_answer(token=token, key=key, fingerprint=fingerprint)
    if first is not None:
        return first
    try:
        with transaction.atomic():
            answer = work()
            IdempotentRequest.objects.create(
                authority_id=token.authority_id,
                token=token,
                key=key,
                path=path,
                fingerprint=fingerprint,
                status_code=answer.status_code,
                response=answer.body,
            )
    except IntegrityError:
        first = _first_answer(token=token, key=key, fingerprint=fingerprint)
        if first is None:
            raise
        return first
    return answer
