"""Public pages: changes."""
