"""The LA's information pages, linked from every page's footer: its privacy notice,
accessibility statement, cookies and contact pages.

Each is the LA's own text where it has written one (a LocalAuthority field), else a default
written from the LA's name, its settings and what the service really does. Either way the text
is plain: a page shows each line as a paragraph, escaped, never as HTML. The list of cookies is
not the LA's to write: it is read from the settings that name them, so it stays true.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage

from registers.models import LocalAuthority


@dataclass(frozen=True)
class InformationPage:
    slug: str
    title: str
    # The LocalAuthority field that holds the LA's own text.
    field: str


PRIVACY = InformationPage("privacy", "Privacy notice", "privacy_notice")
ACCESSIBILITY = InformationPage(
    "accessibility", "Accessibility statement", "accessibility_statement"
)
COOKIES = InformationPage("cookies", "Cookies", "cookies_text")
CONTACT = InformationPage("contact", "Contact", "contact_text")
INFORMATION_PAGES = (PRIVACY, ACCESSIBILITY, COOKIES, CONTACT)


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    expires: str


def _duration(seconds: int) -> str:
    """'30 minutes', '10 hours', '52 weeks': in the largest unit that divides it."""
    count, unit = max(seconds // 60, 1), "minute"
    for name, length in (("week", 604800), ("day", 86400), ("hour", 3600)):
        if seconds >= length and seconds % length == 0:
            count, unit = seconds // length, name
            break
    return f"{count} {unit}{'' if count == 1 else 's'}"


def service_cookies() -> list[Cookie]:
    """Every cookie the service sets, named as the settings name them."""
    idle = _duration(settings.SESSION_COOKIE_AGE)
    csrf_age = settings.CSRF_COOKIE_AGE
    return [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            "Remembers your answers as you go through a form and which local authority you "
            "chose; keeps staff signed in",
            f"When you close your browser. What it remembers is deleted after {idle} without "
            "use, and staff are signed out after "
            f"{_duration(settings.CNIS_SESSION_ABSOLUTE_SECONDS)} in any case",
        ),
        Cookie(
            settings.CSRF_COOKIE_NAME,
            "Makes sure that a form sent to this service came from this service, not another "
            "website",
            f"After {_duration(csrf_age)}" if csrf_age else "When you close your browser",
        ),
        Cookie(
            CookieStorage.cookie_name,
            "Shows a short message on the next page you see, such as “You have signed out”",
            "When the message has been shown",
        ),
    ]


def _privacy_notice(authority: LocalAuthority) -> list[str]:
    name = authority.name
    return [
        f"{name} is the data controller for the information you give through this service. "
        f"{name} uses it to keep a register of the children of compulsory school age in its "
        "area who are not in school full time.",
        "When you tell us your child is not in school, we collect your child's name, date of "
        "birth, sex and addresses; the names, addresses and contact details of their parents "
        "and carers; who educates them and for about how many hours a week; the tutors, "
        "settings and other providers who teach them; the school they last went to; and, if "
        "you tell us, their special educational needs and why they are not in school.",
        "When you report a change, ask for support or answer an update request, we collect what "
        "you tell us, and the email address or phone number you give. When a provider answers "
        "our request for information, we collect which children they teach and for how long.",
        "When you send a form, we record the internet address it came from, to protect the "
        "service from misuse.",
        f"{name} uses the information to keep the register, to check that each child is "
        "receiving a suitable education, and to offer families support. Using it is necessary "
        "to carry out the local authority's duties under the Education Act 1996, a task in the "
        "public interest (UK GDPR Article 6(1)(e)). Information about special educational "
        "needs, health or religion is special category data, which we use for reasons of "
        "substantial public interest (UK GDPR Article 9(2)(g) and the Data Protection Act 2018, "
        "Schedule 1).",
        f"Only {name}'s staff who work on the register can see it, after signing in with a "
        "password and a security code. Every time a member of staff looks at a child's record, "
        f"this is recorded. {name} shares information only where the law requires or allows "
        "it, for example to keep a child safe.",
        "We email you a receipt with your reference if you give an email address, and, from "
        "time to time, a link to check what we hold.",
        f"{name} keeps a child's record until {authority.retention_years_after_school_age} "
        "years after they reach the end of compulsory school age.",
        "You can ask for a copy of the information we hold about you and your child, ask us to "
        "correct it, and in some cases object to how we use it or ask us to restrict it. "
        f"Contact {name} to do so.",
        "If you are unhappy with how we have used your information, you can complain to the "
        "Information Commissioner's Office (ICO): ico.org.uk, telephone 0303 123 1113.",
    ]


def _accessibility_statement(authority: LocalAuthority) -> list[str]:
    name = authority.name
    return [
        f"This accessibility statement applies to the {settings.CNIS_SERVICE_NAME} service, "
        f"run by {name}.",
        "We want as many people as possible to be able to use this service. It is built with "
        "the GOV.UK Design System and works without JavaScript. You should be able to change "
        "colours and fonts with your browser or device settings, zoom in up to 400% without "
        "the text spilling off the screen, and use the service with just a keyboard, with "
        "speech recognition software or with a screen reader.",
        "Every page of the service is checked automatically for accessibility problems "
        "(with axe-core) each time the software changes. Automated checks cannot find every "
        "problem, and the service has not yet been audited against the Web Content "
        f"Accessibility Guidelines (WCAG) version 2.2 AA standard, so {name} cannot yet say "
        "that it fully meets it.",
        f"If you find a problem, or need information in a different format, contact {name}.",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
        "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations "
        "2018. If you are not happy with how we respond to your complaint, contact the Equality "
        "Advisory and Support Service (EASS).",
    ]


def _cookies_text(authority: LocalAuthority) -> list[str]:
    return [
        "Cookies are small files saved on your phone, tablet or computer when you visit a "
        "website.",
        f"{authority.name} uses only the cookies this service needs to work. They are not used "
        "to track you, for advertising, or to measure how the service is used, so you are not "
        "asked to accept them.",
    ]


def _contact_text(authority: LocalAuthority) -> list[str]:
    return [
        f"Contact {authority.name} about the register of children not in school: to ask a "
        "question, to tell us something, or if you have a problem using this service.",
        "If you have a reference, quote it. It is in the emails we have sent you.",
    ]


_DEFAULTS: dict[InformationPage, Callable[[LocalAuthority], list[str]]] = {
    PRIVACY: _privacy_notice,
    ACCESSIBILITY: _accessibility_statement,
    COOKIES: _cookies_text,
    CONTACT: _contact_text,
}


def information_text(*, authority: LocalAuthority, page: InformationPage) -> str:
    """The page's text: the LA's own, or the default written for it."""
    return getattr(authority, page.field) or "\n".join(_DEFAULTS[page](authority))
