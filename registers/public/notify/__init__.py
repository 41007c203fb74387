"""Public pages: notify."""
