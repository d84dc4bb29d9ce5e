#!/usr/bin/env bash
# The real-editor end-to-end test of unblock-vscode (npm run test:e2e):
#   1. install-vscode.sh: Debian chromium + ripgrep, code-server (VS Code 1.100) and playwright-core, once;
#   2. build everything and package vscode-client/unblock-vscode-<version>.vsix;
#   3. server-bundle.smoke.mjs: the .vsix's bundled server works on its own (unpacked, no node_modules around);
#   4. vscode.e2e.mjs: install the .vsix into code-server and drive it with headless Chromium;
#   5. steady-squiggles.e2e.mjs: the first squiggle of a file opened once the window has settled, then squiggles
#      sampled on every frame while typing (its own code-server);
#   6. chain-refactor.e2e.mjs: the "Make `loadConfig` async" refactor across files (its own code-server).
# The last line sums the checks of all of them: `N passed, N failed`. first-squiggle.e2e.mjs, run by hand, times the
# first squiggle on any project (--project <folder> --file <file>), e.g. a large one.
# Screenshots go to artifacts/e2e/; a passing run also refreshes vscode-client/images/screenshot.png.
set -euo pipefail
cd "$(dirname "$0")/../.."

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
T0=$(now)

T=$(now)
bash tests/e2e/install-vscode.sh
log "tools ready ($(since "$T")s)"

T=$(now)
mkdir -p artifacts
npm run package --silent > artifacts/e2e-package.log 2>&1 || { tail -40 artifacts/e2e-package.log; exit 1; }
VERSION=$(node -p "require('./vscode-client/package.json').version")
VSIX="vscode-client/unblock-vscode-$VERSION.vsix"
log "built and packaged $VSIX ($(du -h "$VSIX" | cut -f1), $(since "$T")s)"

node tests/e2e/server-bundle.smoke.mjs "$VSIX"

T=$(now)
set +e
E2E_SCREENSHOT_TO="${E2E_SCREENSHOT_TO-vscode-client/images/screenshot.png}" node tests/e2e/vscode.e2e.mjs --vsix "$VSIX" | tee artifacts/e2e-vscode.log
RC=${PIPESTATUS[0]}
log "vscode.e2e.mjs exited $RC ($(since "$T")s)"
T=$(now)
node tests/e2e/steady-squiggles.e2e.mjs --vsix "$VSIX" | tee artifacts/e2e-steady.log
RC_STEADY=${PIPESTATUS[0]}
log "steady-squiggles.e2e.mjs exited $RC_STEADY ($(since "$T")s)"
T=$(now)
node tests/e2e/chain-refactor.e2e.mjs --vsix "$VSIX" | tee artifacts/e2e-chain.log
RC_CHAIN=${PIPESTATUS[0]}
set -e
log "chain-refactor.e2e.mjs exited $RC_CHAIN ($(since "$T")s); whole run $(since "$T0")s"
# A script that died before its totals line counts as one failure.
cat artifacts/e2e-vscode.log artifacts/e2e-steady.log artifacts/e2e-chain.log | awk '
  /^[0-9]+ passed, [0-9]+ failed/ { passed += $1; failed += $3; lines++ }
  END { if (lines < 3) failed += 3 - lines; printf "%d passed, %d failed\n", passed, failed }'
[ "$RC" -eq 0 ] && [ "$RC_STEADY" -eq 0 ] && [ "$RC_CHAIN" -eq 0 ]
