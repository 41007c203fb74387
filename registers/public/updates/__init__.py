"""Public pages: updates."""
