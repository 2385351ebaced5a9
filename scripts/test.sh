#!/usr/bin/env bash
# Every check the project has, in the order a failure is cheapest to find: static checks, unit tests, the
# build for both browsers, the CLI contract, then end-to-end tests in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step typecheck
npx tsc --noEmit
step lint
npx eslint .
step format
npx prettier --check . >/dev/null || { npx prettier --check . | tail -20; exit 1; }
step unit tests
npx vitest run
step build chrome-mv3 and firefox-mv3
npx wxt build >/dev/null
npx wxt build -b firefox >/dev/null
step checks of the built extension: manifests, CSP, no remote code, web-ext lint
npx vitest run -c vitest.build.config.ts
step catalog CLI contract
if [ -f ../shared/contract/check-cli.mjs ]; then
  node ../shared/contract/check-cli.mjs
else
  echo "../shared/contract not beside the project: contract check skipped"
fi
step end-to-end tests in Chromium
bash scripts/ensure-chromium.sh
npx vitest run -c vitest.e2e.config.ts
