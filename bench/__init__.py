"""Benchmarks (not tests): a register of national size, served as in production, timed against
baselines measured in the same run. `python -m bench --help` (or `make bench`) runs them;
docs/benchmarks.md says what they measure and records the figures.

The project never imports this package: its routes and settings for the baselines live here.
"""
