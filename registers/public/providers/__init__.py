"""Public pages: providers."""
