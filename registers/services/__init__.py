"""Every write. Services are keyword-only, typed and atomic; they raise ApplicationError."""
