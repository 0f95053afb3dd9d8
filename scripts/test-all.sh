#!/usr/bin/env bash
# `npm test`: every check, in order of speed. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }

step "typecheck"
npx tsc -p tsconfig.json --noEmit
step "lint"
npx eslint . --max-warnings=0
step "unit"
npx vitest run --project unit
step "integration (real server, SQLite, PostgreSQL, Redis)"
bash scripts/ensure-services.sh
npx vitest run --project integration
step "e2e (Chromium)"
node scripts/ensure-chromium.mjs
npx vite build --config client/vite.config.ts --logLevel warn
npx vitest run --project e2e
