"""The dashboard: the landing page of the workspace after signing in."""
