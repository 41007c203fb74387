"""Pure statutory rules for the Children Not in School register (standard library only)."""
