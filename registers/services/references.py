"""Short references a parent can read aloud over the phone."""

import secrets

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: nothing that sounds or looks like something else.
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"


def reference_new() -> str:
    """A fresh reference like 'HXK4-7QWT' (25^8, about 1.5e11 possibilities)."""
    characters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{characters[:4]}-{characters[4:]}"
