#!/usr/bin/env bash
# Rebuilds the vendored GOV.UK Frontend and MOJ Frontend files in static/ from the pinned npm
# packages.
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

# MOJ Frontend: its stylesheet, its ES module (initAll and the components) and only the icons
# its styles reference (no MOJ logos: this is an LA's service).
moj=node_modules/@ministryofjustice/frontend/moj
moj_version=$(node -p "require('@ministryofjustice/frontend/package.json').version")
moj_out=../static/moj-frontend
rm -rf "$moj_out" && mkdir -p "$moj_out/images"
npx sass --no-source-map --style=compressed --quiet-deps \
  --load-path=node_modules --load-path=. moj.scss ../static/css/moj.min.css
sed 's|//# sourceMappingURL=.*||' "$moj/all.bundle.mjs" > "$moj_out/moj-frontend.mjs"
for icon in $(grep -o 'moj-frontend/images/[a-z0-9-]*\.svg' ../static/css/moj.min.css | sort -u); do
  cp "$moj/assets/images/$(basename "$icon")" "$moj_out/images/"
done
node -p "require('@ministryofjustice/frontend/package.json').license" > "$moj_out/LICENCE"
echo "$moj_version" > "$moj_out/VERSION"
