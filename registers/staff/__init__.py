"""The officer workspace: sign-in with two factors, the register, child records."""
