"""The client's address behind the documented reverse proxy: the address the nearest trusted
proxy saw, never one the client wrote itself (rate limits, sign-in lockout, audit trail)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from registers.actors import client_address
from registers.models import AuditEvent

PROXY = "10.0.0.2"
PARENT = "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "seen"),
    [
        pytest.param(0, None, PROXY, id="no proxy: the connection's own address"),
        pytest.param(0, "203.0.113.9", PROXY, id="no proxy: a client's header is ignored"),
        pytest.param(1, PARENT, PARENT, id="one proxy"),
        pytest.param(1, f"203.0.113.9, {PARENT}", PARENT, id="one proxy, client's own entry"),
        pytest.param(1, f"203.0.113.9,{PARENT}", PARENT, id="no space after the comma"),
        pytest.param(2, f"203.0.113.9, {PARENT}, 10.0.0.9", PARENT, id="two proxies"),
        pytest.param(1, "2001:DB8::1", "2001:db8::1", id="IPv6, written one way"),
        pytest.param(2, PARENT, PROXY, id="shorter than the chain of proxies"),
        pytest.param(1, None, PROXY, id="no header"),
        pytest.param(1, "", PROXY, id="empty header"),
        pytest.param(1, f"{PARENT}, ", PROXY, id="empty last entry"),
        pytest.param(1, "unknown", PROXY, id="not an address"),
        pytest.param(1, f"{PARENT}:4711", PROXY, id="an address with a port"),
        pytest.param(1, "<script>", PROXY, id="markup"),
    ],
)
def test_the_client_is_the_address_the_last_trusted_proxy_saw(
    settings, proxies, forwarded_for, seen
):
    settings.CNIS_TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for

    assert client_address(RequestFactory().get("/", **headers)) == seen


@pytest.mark.django_db
def test_the_audit_trail_records_the_parent_behind_the_proxy(client, devon, settings):
    settings.CNIS_TRUSTED_PROXY_COUNT = 1
    cache.clear()

    client.post(
        reverse("public:support"),
        {
            "name": "Morwenna Pascoe",
            "email": "morwenna@family.example",
            "child_name": "Jory Pascoe",
            "support_wanted": "Advice about GCSE exam centres",
            "idempotency_key": "5" * 32,
        },
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"203.0.113.9, {PARENT}",
    )

    assert AuditEvent.objects.get().ip_address == PARENT
