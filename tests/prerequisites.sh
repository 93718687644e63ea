#!/usr/bin/env bash
# What the tests need besides the .NET SDK, installed (as root) or named (otherwise) before any
# test runs. Called by `./build.sh test`; safe to run again: it installs only what is missing.
#   python3-securesystemslib  an independent check of the TUF signatures and canonical JSON
#   nginx-light               serves the exported static feed in the mirror tests and benchmarks
#   chromium                  the browser tests (Playwright drives Debian's Chromium, never downloads one)
#   faketime                  runs a real process with its clock shifted
#   bubblewrap                the site agent's worker sandbox (bwrap), which the agent's tests run the plugins in
#   nodejs + tests/tools/*    tuf-js, a reference TUF client, verifies the feed end to end
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
/usr/bin/python3 -c 'import securesystemslib, cryptography' 2>/dev/null || missing+=(python3-securesystemslib python3-cryptography)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v faketime >/dev/null || missing+=(faketime)
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: the tests need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' and try again" >&2
    exit 1
  fi
  echo "Installing what the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; } >/tmp/applayer-apt.log 2>&1; then
    echo "error: could not install ${missing[*]} (apt-get log: /tmp/applayer-apt.log)" >&2
    exit 1
  fi
fi

# Node tools the tests run (a lock file each; node_modules is not committed).
for tool in tests/tools/*/; do
  [ -f "$tool/package-lock.json" ] || continue
  if [ ! -d "$tool/node_modules" ] || [ "$tool/package-lock.json" -nt "$tool/node_modules" ]; then
    echo "Installing $tool (npm ci)"
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error) || { echo "error: npm ci failed in $tool" >&2; exit 1; }
    touch "$tool/node_modules"
  fi
done
