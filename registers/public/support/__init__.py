"""Public pages: support."""
