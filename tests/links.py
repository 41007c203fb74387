"""The secure link an update or provider request's email carries, read as its reader would.

The link's secret exists only in the email: it is made when the email is delivered. So a test
that follows a link delivers the email first, as the outbox sweep would, and reads the link
from what was sent.
"""

import re

from django.core import mail

from registers.models import InformationRequest
from registers.selectors.links import link_digest
from registers.services.outbox import outbox_deliver

# An update request's or a provider request's link, and its 43-character secret.
LINK = re.compile(r"https?://\S+?/(?:update|provider)/(?P<token>[A-Za-z0-9_-]{43})/")


def tokens_sent() -> list[str]:
    """The secret of every link in the emails sent so far, oldest first."""
    return [match["token"] for sent in mail.outbox for match in LINK.finditer(sent.body)]


def link_sent(information_request: InformationRequest) -> str:
    """Deliver the request's email (if the sweep has not yet) and return its link's secret."""
    outbox_deliver(message_id=information_request.email_id)
    information_request.refresh_from_db()
    for token in reversed(tokens_sent()):
        if link_digest(token) == information_request.token_digest:
            return token
    raise AssertionError("No email sent carries a working link for this request")
