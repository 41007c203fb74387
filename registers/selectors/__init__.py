"""Every read. Each selector takes the LA first (or the acting member of staff, whose LA it is)
and never returns another LA's rows."""
