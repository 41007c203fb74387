"""Reading one LA's return over HTTP: a time-out on connecting and on each read, a cap on the
body's size, and each way it can fail put in words, marked as worth trying again or not."""

import json
from dataclasses import dataclass

import requests

TIMED_OUT = "The LA's register did not answer within {seconds} seconds"
NO_CONNECTION = "The LA's register could not be reached at {url}"
REFUSED_TOKEN = (
    "The LA's register refused the token (401): it has expired, been revoked or is not "
    "the LA's. Ask the LA for a new token with the returns:read scope"
)
NO_SCOPE = "The token may not read the return (403): it needs the returns:read scope"
SERVER_ERROR = "The LA's register failed with an error ({status})"
REFUSED = "The LA's register refused the request ({status}): {message}"
TOO_LARGE = "The return is larger than the {limit} kB a return can be"
NOT_JSON = "The return is not JSON: {error}"
TRUNCATED = "The return stops part-way: it was cut off before its end"
NOT_AN_OBJECT = "The return is not a JSON object"
UNREADABLE = "The LA's register could not be read: {error}"


@dataclass(frozen=True)
class Answer:
    """A return read (`document`), or why not (`failure`), and whether to try again."""

    document: dict | None = None
    failure: str = ""
    retry: bool = False


def return_address(base_url: str, academic_year: str, term: str) -> str:
    return f"{base_url.rstrip('/')}/api/v1/returns/{academic_year}/{term}/"


def _body(response: requests.Response, limit: int) -> bytes | None:
    """The body, read a piece at a time; None as soon as it passes `limit` bytes."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    for piece in response.iter_content(chunk_size=64 * 1024):
        body += piece
        if len(body) > limit:
            return None
    return bytes(body)


def _message(body: bytes) -> str:
    """The error's own message, in the API's one error shape, if it has one."""
    try:
        return str(json.loads(body)["message"])
    except (ValueError, KeyError, TypeError):
        return body[:200].decode("utf-8", "replace") or "no reason given"


def return_fetch(
    *, base_url: str, token: str, academic_year: str, term: str, timeout: float, limit: int
) -> Answer:
    """Read the LA's return for the term from its register."""
    url = return_address(base_url, academic_year, term)
    try:
        with requests.get(
            url,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            timeout=(timeout, timeout),
            stream=True,
            allow_redirects=False,
        ) as response:
            body = _body(response, limit)
    except requests.Timeout:
        return Answer(failure=TIMED_OUT.format(seconds=f"{timeout:g}"), retry=True)
    except requests.exceptions.ChunkedEncodingError:
        return Answer(failure=TRUNCATED, retry=True)
    except requests.ConnectionError:
        return Answer(failure=NO_CONNECTION.format(url=url), retry=True)
    except requests.RequestException as error:  # a bad address, a body that cannot be decoded
        return Answer(failure=UNREADABLE.format(error=error))
    if body is None:
        return Answer(failure=TOO_LARGE.format(limit=limit // 1024))
    status = response.status_code
    if status == 401:
        return Answer(failure=REFUSED_TOKEN)
    if status == 403:
        return Answer(failure=NO_SCOPE)
    if status >= 500:
        return Answer(failure=SERVER_ERROR.format(status=status), retry=True)
    if status != 200:
        return Answer(failure=REFUSED.format(status=status, message=_message(body)))
    try:
        text = body.decode("utf-8")
        document = json.loads(text)
    except UnicodeDecodeError as error:
        return Answer(failure=NOT_JSON.format(error=error))
    except json.JSONDecodeError as error:
        if text.strip() and error.pos >= len(text.rstrip()):
            return Answer(failure=TRUNCATED)
        return Answer(failure=NOT_JSON.format(error=error.msg.lower()))
    if not isinstance(document, dict):
        return Answer(failure=NOT_AN_OBJECT)
    return Answer(document=document)
