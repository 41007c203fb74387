"""Every read. Each selector takes the LA first and never returns another LA's rows."""
