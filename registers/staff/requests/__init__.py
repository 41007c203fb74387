"""Update requests to parents (s.436D), sent from the child record."""
