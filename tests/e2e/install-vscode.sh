#!/usr/bin/env bash
# Installs what the real-editor end-to-end test needs, offline except for the npm registry and Debian apt:
# Debian's chromium and ripgrep, code-server (VS Code 1.100 served to a browser) from npm, and playwright-core.
# Everything goes under $E2E_HOME (default: ~/.cache/unblock-e2e) and is reused when already there.
set -euo pipefail

E2E_HOME=${E2E_HOME:-$HOME/.cache/unblock-e2e}
CS_VERSION=${CS_VERSION:-4.100.3}   # the last code-server line whose engines accept Node 20
mkdir -p "$E2E_HOME"
log() { printf '[install-vscode %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

missing=()
for pkg in chromium ripgrep g++ make pkg-config libkrb5-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless a cached archive is present: seed it from Debian's rg.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
RG_TGZ="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_TGZ" ]; then
  mkdir -p "$RG_CACHE" "$E2E_HOME/rg-stage"
  cp /usr/bin/rg "$E2E_HOME/rg-stage/rg"
  tar czf "$RG_TGZ" -C "$E2E_HOME/rg-stage" rg
fi

CS_DIR="$E2E_HOME/code-server-$CS_VERSION"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ] || [ ! -e "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  echo '{"name":"unblock-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  log "npm install code-server@$CS_VERSION (compiles native modules)"
  # unsafe_perm: its postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`; nodedir: Debian's headers.
  ( cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="${npm_config_nodedir:-/usr}" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" > "$E2E_HOME/code-server-install.log" 2>&1 ) \
    || { tail -40 "$E2E_HOME/code-server-install.log"; exit 1; }
fi

TOOLS="$E2E_HOME/tools"
if [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
  mkdir -p "$TOOLS" && echo '{"name":"unblock-e2e-tools","private":true}' > "$TOOLS/package.json"
  ( cd "$TOOLS" && npm install --no-audit --no-fund playwright-core@1 > "$E2E_HOME/tools-install.log" 2>&1 ) \
    || { tail -40 "$E2E_HOME/tools-install.log"; exit 1; }
fi
log "ready: $CS_DIR/node_modules/.bin/code-server, $TOOLS/node_modules/playwright-core, /usr/bin/chromium"
