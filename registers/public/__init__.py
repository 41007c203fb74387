"""Public pages for parents, providers and schools: no account needed."""
