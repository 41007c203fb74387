"""Celery tasks for deadlines: thin, they call the service."""

from dataclasses import asdict

from celery import shared_task

from registers.services import deadlines


@shared_task
def deadlines_daily() -> dict:
    """Tasks for what fell due, overdue work marked, each officer's digest (run by beat daily)."""
    return asdict(deadlines.deadlines_daily())
