"""The migration that keeps link secrets out of the database, run on a register made before it.

Emails sent before it held their links' secrets: it clears them. Requests made before it are
linked to their emails, so that their pages can say whether the emails went.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

MIGRATION_NAME_ENDS = "_audit_truncate_link_secrets"


def migrate(target: list[tuple[str, str]]):
    """Migrate to `target` and return the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


def test_sent_emails_are_cleared_and_requests_keep_their_emails():
    graph = MigrationExecutor(connection).loader.graph
    (this,) = [key for key in graph.nodes if key[1].endswith(MIGRATION_NAME_ENDS)]
    (before,) = graph.node_map[this].parents
    old = migrate([before.key])
    now = timezone.now()
    authority = old.get_model("registers", "LocalAuthority").objects.create(
        dfe_number="878", ons_code="E10000008", name="Devon", region_name="South West"
    )
    provider = old.get_model("registers", "Provider").objects.create(
        authority=authority, name="Oakwood Forest School", provider_type="tutor"
    )
    InformationRequest = old.get_model("registers", "InformationRequest")
    OutboxMessage = old.get_model("registers", "OutboxMessage")
    sent, waiting = (
        InformationRequest.objects.create(
            authority=authority,
            kind="provider",
            provider=provider,
            sent_at=now,
            respond_by=now.date(),
            expires_at=now + timedelta(days=28),
            token_digest=digest,
        )
        for digest in ("a" * 64, "b" * 64)
    )
    body = "Answer using this link:\nhttps://register.example/provider/" + "S" * 43 + "/\n"
    for information_request, published_at in ((sent, now), (waiting, None)):
        OutboxMessage.objects.create(
            topic="email",
            payload={"to": "hello@oakwood.example", "subject": "Request", "body": body},
            dedupe_key=f"provider-request-{information_request.pk}",
            published_at=published_at,
        )
    OutboxMessage.objects.create(
        topic="email", payload={"to": "x@y.example"}, dedupe_key="notification-confirmation-1"
    )

    new = migrate(graph.leaf_nodes())

    emails = new.get_model("registers", "OutboxMessage").objects
    requests = new.get_model("registers", "InformationRequest").objects
    assert emails.get(dedupe_key=f"provider-request-{sent.pk}").payload == {}
    # Not sent yet: it goes as it was written, with the link its request was made with.
    assert emails.get(dedupe_key=f"provider-request-{waiting.pk}").payload["body"] == body
    assert emails.get(dedupe_key="notification-confirmation-1").payload == {"to": "x@y.example"}
    for information_request in (sent, waiting):
        email = requests.get(pk=information_request.pk).email
        assert email.dedupe_key == f"provider-request-{information_request.pk}"
