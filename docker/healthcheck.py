"""Container health check: exit 0 if /healthz answers 200, 1 otherwise. Standard library only.

Used by the Dockerfile's HEALTHCHECK and by docker-compose.yml (slim images have no curl).

- The URL is HEALTHCHECK_URL (default http://127.0.0.1:8000/healthz).
- The Host header is the first usable entry of DJANGO_ALLOWED_HOSTS, so the check passes
  ALLOWED_HOSTS without 127.0.0.1 or localhost having to be listed there.
- X-Forwarded-Proto: https makes the request count as secure when CNIS_SECURE is on (/healthz
  is also exempt from the HTTPS redirect).
- Redirects are not followed and proxy variables are ignored: only this container's own
  answer counts.
"""

import os
import sys
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000/healthz"
TIMEOUT_SECONDS = 5


def host_header(allowed_hosts: str) -> str | None:
    """The first DJANGO_ALLOWED_HOSTS entry usable as a Host header, or None (keep the URL's)."""
    for entry in allowed_hosts.split(","):
        host = entry.strip()
        if host.startswith("."):  # ".example.gov.uk" allows example.gov.uk and its subdomains
            host = host[1:]
        if host and host != "*":
            return host
    return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # a 3xx is an answer, and not a healthy one


def main() -> int:
    url = os.environ.get("HEALTHCHECK_URL") or DEFAULT_URL
    headers = {"X-Forwarded-Proto": "https", "User-Agent": "cnis-healthcheck"}
    host = host_header(os.environ.get("DJANGO_ALLOWED_HOSTS", ""))
    if host:
        headers["Host"] = host
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
    try:
        with opener.open(
            urllib.request.Request(url, headers=headers), timeout=TIMEOUT_SECONDS
        ) as r:
            status = r.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (OSError, ValueError) as error:  # refused, timed out, bad URL...
        print(f"unhealthy: {url}: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"unhealthy: {url} answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
