"""The officer workspace: sign-in with two factors, then one sub-package per area (register,
children, providers, requests)."""
