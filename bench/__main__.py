"""`python -m bench`: build the register, serve it, sign in, time the pages (bench.run)."""

from bench.run import main

raise SystemExit(main())
