#!/usr/bin/env bash
# Rebuilds the vendored GOV.UK Frontend files in static/ from the pinned npm package.
# Run from the project root with `make frontend` (needs Node.js and npm; the outputs are
# committed, so running the service never needs them).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
version=$(node -p "require('govuk-frontend/package.json').version")
out=../static/govuk-frontend
rm -rf "$out" && mkdir -p "$out" ../static/css
npx sass --no-source-map --style=compressed --quiet-deps --silence-deprecation=import \
  --load-path=node_modules cnis.scss ../static/css/cnis.min.css
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/"
cp node_modules/govuk-frontend/LICENSE.txt "$out/" 2>/dev/null || true
echo "$version" > "$out/VERSION"
