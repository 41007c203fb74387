"""Out-of-school education providers: the provider page and its information requests (s.436E)."""
