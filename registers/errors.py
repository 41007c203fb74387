"""The one domain error: what went wrong, in words a person can act on, by field."""


class ApplicationError(Exception):
    """Raised by services and selectors; views show it as GOV.UK errors, the API as a 400."""

    def __init__(self, errors: dict[str, list[str]] | str) -> None:
        self.errors = {"__all__": [errors]} if isinstance(errors, str) else errors
        super().__init__("; ".join(m for messages in self.errors.values() for m in messages))
