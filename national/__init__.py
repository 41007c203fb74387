"""The national collection: the Department's side of the termly return.

It knows an LA's register only by the la-return contract and reaches it only over HTTP (an
import-linter contract keeps it from importing `registers`): it collects each LA's return,
checks it, keeps the accepted ones, adds them up in the database and publishes the tables in
the Explore Education Statistics layout (docs/national.md).
"""
