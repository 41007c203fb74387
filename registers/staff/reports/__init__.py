"""Reports: the LA's counts for a period, as tables and as CSV."""
