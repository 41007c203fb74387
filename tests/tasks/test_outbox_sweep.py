"""The beat task that delivers the outbox."""

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from cnis.celery import app
from registers.services.outbox import email_enqueue
from registers.tasks.outbox import outbox_sweep

pytestmark = pytest.mark.django_db


def test_the_beat_schedule_names_the_sweep_task():
    scheduled = settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]["task"]

    assert scheduled == outbox_sweep.name
    assert scheduled in app.tasks


def test_the_task_delivers_pending_emails_and_says_how_many(settings):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    with transaction.atomic():
        for n in (1, 2):
            email_enqueue(
                to=f"parent{n}@example.com",
                subject="Received",
                body="Thank you",
                dedupe_key=f"k{n}",
            )

    assert outbox_sweep.delay().get() == 2
    assert sorted(sent.to[0] for sent in mail.outbox) == [
        "parent1@example.com",
        "parent2@example.com",
    ]
    assert outbox_sweep.delay().get() == 0
    assert len(mail.outbox) == 2
