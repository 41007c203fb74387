"""How a "check your answers" page shows an answer left blank: in the same words everywhere."""

NOT_GIVEN = "Not given"


def answer_shown(value: object) -> object:
    """The answer, or "Not given" for one left blank (never "None")."""
    return NOT_GIVEN if value is None or value == "" else value
