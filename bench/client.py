"""HTTP as a browser speaks it, on loopback: cookies kept, redirects seen (not followed), forms
posted with their CSRF token, and the links of a page read from its HTML."""

import http.client
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urljoin, urlsplit

TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True)
class Response:
    status: int
    location: str
    body: str


@dataclass
class Visitor:
    """One browser: its cookies, and a new connection per request (gunicorn's sync workers
    close each connection after its response)."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Response:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                self._keep(header)
            location = response.headers.get("Location", "")
            return Response(status=response.status, location=_path_of(location), body=text)
        finally:
            connection.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict[str, str]) -> Response:
        return self.request("POST", path, form)

    def _keep(self, header: str) -> None:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            if morsel["max-age"] == "0" or morsel.value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value


def _path_of(location: str) -> str:
    """A redirect's target as a path and query (Django may give an absolute URL)."""
    if not location:
        return ""
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def expect(response: Response, status: int, what: str) -> Response:
    if response.status != status:
        raise RuntimeError(
            f"{what}: expected HTTP {status}, got {response.status} "
            f"{response.location or response.body[:300]!r}"
        )
    return response


_CSRF_INPUT = re.compile(r'<input[^>]*\bname="csrfmiddlewaretoken"[^>]*>')
_VALUE = re.compile(r'\bvalue="([^"]+)"')


def csrf_token(html: str) -> str:
    """The CSRF token of the page's form, as a browser would send it back."""
    field = _CSRF_INPUT.search(html)
    value = _VALUE.search(field.group(0)) if field else None
    if value is None:
        raise RuntimeError("The page has no form with a CSRF token")
    return value.group(1)


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    rel: tuple[str, ...]
    label: str
    # The classes of the link and of the elements around it, innermost first.
    classes: tuple[str, ...]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self._open: list[tuple[str, tuple[str, ...]]] = []
        self._anchor: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = tuple(values.get("class", "").split())
        if tag == "a" and values.get("href"):
            around = tuple(name for _, outer in reversed(self._open) for name in outer)
            self._anchor = {
                "href": values["href"],
                "rel": tuple(values.get("rel", "").split()),
                "label": values.get("aria-label", ""),
                "classes": classes + around,
                "text": [],
            }
        if tag not in {"br", "img", "input", "link", "meta", "hr", "path"}:
            self._open.append((tag, classes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            self.links.append(
                Link(
                    href=anchor["href"],
                    text=" ".join("".join(anchor["text"]).split()),
                    rel=anchor["rel"],
                    label=anchor["label"],
                    classes=anchor["classes"],
                )
            )
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor["text"].append(data)


def links(html: str, *, base: str) -> list[Link]:
    """Every link of the page, its href resolved against the page's own path."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return [
        Link(
            href=urljoin(base, link.href),
            text=link.text,
            rel=link.rel,
            label=link.label,
            classes=link.classes,
        )
        for link in parser.links
    ]
