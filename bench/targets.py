"""The pages to time and the baselines beside them, as an officer and a parent reach them."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from bench import notification
from bench.bare.urls import BODY as BARE_BODY
from bench.client import Visitor
from bench.pages import register_pages
from bench.servers import HOST
from bench.sign_in import sign_in
from bench.timing import Request, Target
from bench.urls import NOT_SIGNED_IN, SIGNED_IN
from registers.demo.accounts import demo_staff_email
from registers.models import Child, LocalAuthority, Provider
from registers.selectors.providers import provider_children


@dataclass(frozen=True)
class Targets:
    every: list[Target]
    signed_in: Target
    bare: Target


def get(port: int, path: str, cookies: dict[str, str] | None = None) -> Callable[[], Request]:
    headers = {"Host": f"{HOST}:{port}"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    request = Request(method="GET", path=path, headers=headers)
    return lambda: request


def fullest_child(authority: LocalAuthority) -> Child:
    """The LA's child with the most parents and arrangements: the fullest record."""
    child = (
        Child.objects.live()
        .filter(authority=authority)
        .annotate(
            parents=Count(
                "relationships",
                filter=Q(relationships__archived_at__isnull=True),
                distinct=True,
            ),
            educators=Count(
                "arrangements", filter=Q(arrangements__archived_at__isnull=True), distinct=True
            ),
        )
        .order_by("-parents", "-educators", "created_at", "id")
        .first()
    )
    if child is None:
        raise RuntimeError(f"{authority.name} has no children on its register")
    return child


def busiest_provider(authority: LocalAuthority) -> tuple[Provider, int]:
    """The LA's provider that the most children attend now, and how many do."""
    today = timezone.localdate()
    attending = [
        (provider_children(provider=provider, today=today).count(), -provider.pk, provider)
        for provider in Provider.objects.live().filter(authority=authority)
    ]
    if not attending:
        raise RuntimeError(f"{authority.name} has no providers")
    children, _, provider = max(attending, key=lambda found: found[:2])
    return provider, children


def targets(
    *,
    project_port: int,
    bare_port: int,
    authority_number: str,
    deep_page: int,
    with_notification: bool,
    log: Callable[[str], None],
) -> Targets:
    authority = LocalAuthority.objects.get(dfe_number=authority_number)
    email = demo_staff_email(authority=authority, prefix="officer")
    officer = Visitor(HOST, project_port)
    sign_in(officer, email=email)
    log(f"Signed in as {email}")
    staff = dict(officer.cookies)

    def staff_page(key: str, name: str, path: str, note: str = "") -> Target:
        return Target(
            key=key,
            name=name,
            port=project_port,
            path=path,
            request=get(project_port, path, staff),
            note=note,
        )

    log("Finding the register's pages through its links")
    pages = register_pages(officer, first=reverse("staff:register"), deep=deep_page)
    child = fullest_child(authority)
    provider, attending = busiest_provider(authority)
    trivial = reverse("bench-trivial")
    bare = Target(
        key="bare_django",
        name="bare Django",
        port=bare_port,
        path="/",
        request=get(bare_port, "/"),
        contains=BARE_BODY,
        note="no apps, no middleware, no database",
    )
    signed_in = Target(
        key="trivial_signed_in",
        name="trivial view, signed in",
        port=project_port,
        path=trivial,
        request=get(project_port, trivial, staff),
        contains=SIGNED_IN,
        note="the project's middleware with a staff session",
    )
    every = [
        bare,
        signed_in,
        Target(
            key="trivial_anonymous",
            name="trivial view, anonymous",
            port=project_port,
            path=trivial,
            request=get(project_port, trivial),
            contains=NOT_SIGNED_IN,
            note="the project's middleware, no session",
        ),
        staff_page("register_first", "register page 1", pages.first),
        staff_page(
            "register_deep",
            f"register page {pages.deep_number}",
            pages.deep,
            f"page {pages.deep_number}",
        ),
        staff_page(
            "register_last",
            "register last page",
            pages.last,
            f"page {pages.last_number}" if pages.last_number else "",
        ),
        staff_page(
            "dashboard",
            "dashboard",
            reverse("staff:dashboard"),
            "the landing page after signing in",
        ),
        staff_page(
            "register_search",
            "register search by surname",
            f"{reverse('staff:register')}?{urlencode({'q': child.last_name})}",
            f"surname {child.last_name!r}",
        ),
        staff_page(
            "review_queue",
            "review queue",
            reverse("staff:review"),
            "everything waiting for review, oldest first",
        ),
        staff_page(
            "child_record",
            "child record",
            reverse("staff:child", kwargs={"child_id": child.pk}),
            f"{child.parents} parents or carers, {child.educators} education arrangements",
        ),
        staff_page(
            "provider_page",
            "provider page",
            reverse("staff:provider", kwargs={"provider_id": provider.pk}),
            f"{attending} children attend",
        ),
        Target(
            key="start_page",
            name="public start page",
            port=project_port,
            path=reverse("public:start"),
            request=get(project_port, reverse("public:start")),
        ),
    ]
    if with_notification:
        notification.answers_check()
        every.append(
            Target(
                key="notification_sent",
                name="notification sent (final post)",
                port=project_port,
                path=notification.declaration_path(),
                request=notification.declaration_request(
                    authority=authority, host=f"{HOST}:{project_port}"
                ),
                status=302,
                location=notification.confirmation_path(),
                writes=True,
                note="a new session with a finished journey for each post",
            )
        )
    return Targets(every=every, signed_in=signed_in, bare=bare)
