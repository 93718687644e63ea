#!/usr/bin/env bash
# ./build.sh TARGET  — Build, Test, Pack, Demo or Bench (case-insensitive); extra arguments go to Cake.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-Build}"
shift || true
case "${target,,}" in
  build) target=Build ;;
  test) target=Test ;;
  pack) target=Pack ;;
  demo) target=Demo ;;
  clean) target=Clean ;;
  bench) target=Bench ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="$target" "$@"
