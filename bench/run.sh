#!/usr/bin/env bash
# ./build.sh bench: the feed against nginx serving its static export, on loopback, in one run.
# Writes the figures to artifacts/bench/feed.md (a section for docs/benchmarks.md). Needs wrk, nginx-light, python3, curl (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CONFIGURATION="${1:-Release}"
DURATION="${BENCH_DURATION:-5s}"
ROUNDS="${BENCH_ROUNDS:-5}"
PACKAGES="${BENCH_PACKAGES:-500}"

for tool in wrk:/usr/bin/wrk nginx-light:/usr/sbin/nginx curl:/usr/bin/curl; do
  if [ ! -x "${tool#*:}" ]; then
    (apt-get update -qq && apt-get install -y -qq "${tool%%:*}") >/dev/null
  fi
done

APPLAYER="dotnet $ROOT/host/AppLayer.Cli/bin/$CONFIGURATION/net10.0/applayer.dll"
WORK=$(mktemp -d /tmp/applayer-bench-XXXXXX)
DATA=$WORK/data
HOST_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() { for _ in $(seq 1 200); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; echo "port $1 never opened" >&2; return 1; }

PUBLISH=$($APPLAYER keys create --data "$DATA" --scope publish)
HOST_PORT=$(free_port)
ASPNETCORE_ENVIRONMENT=Production $APPLAYER serve --data "$DATA" --urls "http://127.0.0.1:$HOST_PORT" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
wait_port "$HOST_PORT"
HOST=http://127.0.0.1:$HOST_PORT

# 1. Concurrent pushes: 8 pushers, N packages; every answer must be 201 and every version present.
python3 bench/make_packages.py "$WORK/pkgs" "$PACKAGES"
BYTES=$(du -cb "$WORK"/pkgs/*.nupkg | tail -1 | cut -f1)
START=$(date +%s.%N)
ls "$WORK"/pkgs/*.nupkg | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X PUT -H "X-NuGet-ApiKey: $PUBLISH" --data-binary @{} "$HOST/api/v2/package" > "$WORK/codes.txt"
END=$(date +%s.%N)
PUSH_SECONDS=$(python3 -c "print(f'{$END-$START:.2f}')")
ERRORS=$(grep -vc '^201$' "$WORK/codes.txt" || true)
STORED=$(curl -s -H "X-NuGet-ApiKey: $PUBLISH" "$HOST/api/packages" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
LOST=$((PACKAGES - STORED))
if [ "$ERRORS" != 0 ]; then
  first=$(ls "$WORK"/pkgs/*.nupkg | head -1)
  echo "bench: $ERRORS of $PACKAGES pushes were refused; the host said about $(basename "$first"):" >&2
  curl -s -X PUT -H "X-NuGet-ApiKey: $PUBLISH" --data-binary @"$first" "$HOST/api/v2/package" >&2; echo >&2
  exit 1
fi
FSYNC_SECONDS=$(python3 bench/fsync_baseline.py "$WORK/pkgs" "$WORK/raw")

# 2. Static export served by nginx.
NGINX_PORT=$(free_port)
$APPLAYER feed export "$WORK/static" --data "$DATA" --base-url "http://127.0.0.1:$NGINX_PORT/" >/dev/null
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
user root;
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/static; }
}
CONF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
wait_port "$NGINX_PORT"
NGINX=http://127.0.0.1:$NGINX_PORT

NUPKG=v3/flatcontainer/bench.pkg0001/1.0.0/bench.pkg0001.1.0.0.nupkg
META=v3/registration/bench.pkg0001/index.json
STAMP=tuf/timestamp.json
# One wrk run per target and server gives the figures: requests per second, the 99th percentile, and the CPU
# time (user + system, from /proc/PID/stat) the server process spent per request, which the machine's load
# moves much less than req/s.
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() {
  local pid=$1 before after out
  shift
  before=$(cpu_ticks "$pid")
  out=$(wrk -t2 -c16 -d"$DURATION" --latency "$@")
  after=$(cpu_ticks "$pid")
  echo "$out" | awk -v ticks="$((after - before))" -v hz="$TICKS" '
    /requests in/ {n = $1}
    /Requests\/sec/ {rps = $2}
    $1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v = v / 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v = v * 1000}; p99 = v}
    END {printf "%s %s %.1f\n", rps, p99, ticks / hz * 1e6 / n}'
}
# Every measured GET must be a 200 on both servers, or the figures would measure error pages.
for path in "$NUPKG" "$META" "$STAMP"; do
  for url in "$HOST/$path" "$NGINX/$path"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-NuGet-ApiKey: $PUBLISH" "$url")
    [ "$code" = 200 ] || { echo "bench: GET $url answered $code, not 200" >&2; exit 1; }
  done
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# A short unmeasured run of each first: the host's code is compiled on first use (nginx has none to compile).
for path in "$NUPKG" "$META" "$STAMP"; do
  wrk -t2 -c16 -d2s -H "X-NuGet-ApiKey: $PUBLISH" "$HOST/$path" >/dev/null
  wrk -t2 -c16 -d2s "$NGINX/$path" >/dev/null
done
# Host and nginx alternate per target, so a change in the machine's load falls on both; ROUNDS rounds (host
# first in odd rounds, nginx first in even ones), and each figure is the median of its rounds: on 2 cores
# shared with wrk, one run's p99 moves by a factor of 2-3 for either server.
NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1)
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
declare -A RUNS
for round in $(seq 1 "$ROUNDS"); do
  for target in NUPKG META STAMP; do
    path=${!target}
    if [ $((round % 2)) = 1 ]; then order="host nginx"; else order="nginx host"; fi
    for server in $order; do
      if [ "$server" = host ]; then
        figures=$(measure "$HOST_PID" -H "X-NuGet-ApiKey: $PUBLISH" "$HOST/$path")
      else
        figures=$(measure "$NGINX_WORKER" "$NGINX/$path")
      fi
      RUNS[$server.$target]="${RUNS[$server.$target]:-} $figures;"
    done
  done
done
# column N (1 req/s, 2 p99, 3 CPU) of every round of server.target, then their median
column() { tr ';' '\n' <<<"${RUNS[$1]}" | awk -v c="$2" 'NF {print $c}'; }
pick() { median $(column "$1" "$2"); }
rounds() { column "$1" "$2" | paste -sd/ -; }
HOST_RPS=$(pick host.NUPKG 1); HOST_NUPKG_P99=$(pick host.NUPKG 2); HOST_NUPKG_CPU=$(pick host.NUPKG 3)
NGINX_RPS=$(pick nginx.NUPKG 1); NGINX_NUPKG_P99=$(pick nginx.NUPKG 2); NGINX_NUPKG_CPU=$(pick nginx.NUPKG 3)
HOST_META_RPS=$(pick host.META 1); HOST_P99=$(pick host.META 2); HOST_META_CPU=$(pick host.META 3)
NGINX_META_RPS=$(pick nginx.META 1); NGINX_P99=$(pick nginx.META 2); NGINX_META_CPU=$(pick nginx.META 3)
HOST_STAMP_RPS=$(pick host.STAMP 1); HOST_STAMP_P99=$(pick host.STAMP 2); HOST_STAMP_CPU=$(pick host.STAMP 3)
NGINX_STAMP_RPS=$(pick nginx.STAMP 1); NGINX_STAMP_P99=$(pick nginx.STAMP 2); NGINX_STAMP_CPU=$(pick nginx.STAMP 3)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# 3. A site's metadata poll: the next-root probe and timestamp.json. Unchanged: a 404 and a 304
#    (If-None-Match); full: the probe plus timestamp, snapshot and targets as a first poll fetches them.
wire() { curl -s -o /dev/null -w '%{size_download} %{size_header}\n' -H "X-NuGet-ApiKey: $PUBLISH" "$@" | awk '{print $1 + $2}'; }
ROOTV=$(curl -s -H "X-NuGet-ApiKey: $PUBLISH" "$HOST/tuf/root.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["signed"]["version"] + 1)')
ETAG=$(curl -s -D - -o /dev/null -H "X-NuGet-ApiKey: $PUBLISH" "$HOST/tuf/timestamp.json" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
PROBE=$(wire "$HOST/tuf/$ROOTV.root.json")
FULL=$((PROBE + $(wire "$HOST/tuf/timestamp.json") + $(wire "$HOST/tuf/snapshot.json") + $(wire "$HOST/tuf/targets.json")))
POLL_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "X-NuGet-ApiKey: $PUBLISH" -H "If-None-Match: $ETAG" "$HOST/tuf/timestamp.json")
POLL_BYTES=$((PROBE + $(wire -H "If-None-Match: $ETAG" "$HOST/tuf/timestamp.json")))

ratio() { python3 -c "print(f'{$1/$2:.3f}')"; }
DOWNLOAD_RATIO=$(ratio "$HOST_RPS" "$NGINX_RPS")
P99_RATIO=$(ratio "$HOST_P99" "$NGINX_P99")
NUPKG_P99_RATIO=$(ratio "$HOST_NUPKG_P99" "$NGINX_NUPKG_P99")
META_RPS_RATIO=$(ratio "$HOST_META_RPS" "$NGINX_META_RPS")
STAMP_RPS_RATIO=$(ratio "$HOST_STAMP_RPS" "$NGINX_STAMP_RPS")
STAMP_P99_RATIO=$(ratio "$HOST_STAMP_P99" "$NGINX_STAMP_P99")
POLL_RATIO=$(python3 -c "print(f'{100*$POLL_BYTES/$FULL:.1f}')")
PUSH_RATIO=$(ratio "$PUSH_SECONDS" "$FSYNC_SECONDS")

verdict() { python3 -c "print('meets' if $1 else 'MISSES')"; }
# The section for docs/benchmarks.md (paste it there; the other sections of that file stay as they are).
mkdir -p artifacts/bench
cat > artifacts/bench/feed.md <<MD
## Feed: host against nginx serving the exported files

Measured by \`./build.sh bench\` on $(date -u +%Y-%m-%d) (UTC), $(nproc) cores, loopback only, host and
nginx (serving \`applayer feed export\` of the same feed) in the same run; wrk $DURATION, 2 threads, 16 connections
per target, host and nginx one after the other, $ROUNDS rounds (the order of the two swapped every round), each
figure the median of its rounds; load average (1, 5, 15 min) $LOAD_BEFORE before the wrk runs,
$LOAD_AFTER after. Every host GET sends a publish key, as a NuGet client or site configured with its key does.

| what | host | nginx | ratio | target |
| --- | --- | --- | --- | --- |
| \`$STAMP\`, req/s | $HOST_STAMP_RPS | $NGINX_STAMP_RPS | $STAMP_RPS_RATIO | ≥ 0.8: $(verdict "$STAMP_RPS_RATIO >= 0.8") |
| \`$STAMP\`, p99 ms | $HOST_STAMP_P99 | $NGINX_STAMP_P99 | $STAMP_P99_RATIO | ≤ 1.5: $(verdict "$STAMP_P99_RATIO <= 1.5") |
| registration index GET, req/s | $HOST_META_RPS | $NGINX_META_RPS | $META_RPS_RATIO | ≥ 0.8: $(verdict "$META_RPS_RATIO >= 0.8") |
| registration index GET, p99 ms | $HOST_P99 | $NGINX_P99 | $P99_RATIO | ≤ 1.5: $(verdict "$P99_RATIO <= 1.5") |
| \`.nupkg\` download (64 KiB), req/s | $HOST_RPS | $NGINX_RPS | $DOWNLOAD_RATIO | ≥ 0.85: $(verdict "$DOWNLOAD_RATIO >= 0.85") |
| \`.nupkg\` download (64 KiB), p99 ms | $HOST_NUPKG_P99 | $NGINX_NUPKG_P99 | $NUPKG_P99_RATIO | (reported) |
| \`$STAMP\`, CPU µs/request | $HOST_STAMP_CPU | $NGINX_STAMP_CPU | $(ratio "$HOST_STAMP_CPU" "$NGINX_STAMP_CPU") | (reported) |
| registration index GET, CPU µs/request | $HOST_META_CPU | $NGINX_META_CPU | $(ratio "$HOST_META_CPU" "$NGINX_META_CPU") | (reported) |
| \`.nupkg\` download, CPU µs/request | $HOST_NUPKG_CPU | $NGINX_NUPKG_CPU | $(ratio "$HOST_NUPKG_CPU" "$NGINX_NUPKG_CPU") | (reported) |

Every round's p99 in ms, host | nginx: timestamp $(rounds host.STAMP 2) | $(rounds nginx.STAMP 2);
registration $(rounds host.META 2) | $(rounds nginx.META 2); \`.nupkg\` $(rounds host.NUPKG 2) | $(rounds nginx.NUPKG 2).
Every round's req/s, host | nginx: timestamp $(rounds host.STAMP 1) | $(rounds nginx.STAMP 1); registration $(rounds host.META 1) | $(rounds nginx.META 1); \`.nupkg\` $(rounds host.NUPKG 1) | $(rounds nginx.NUPKG 1).

| what | host | baseline | ratio | target |
| --- | --- | --- | --- | --- |
| unchanged metadata poll (root probe 404 + timestamp $POLL_STATUS), bytes | $POLL_BYTES | full poll (probe + timestamp, snapshot, targets) $FULL | $POLL_RATIO % | ≤ 1 %: $(verdict "$POLL_RATIO <= 1") |
| $PACKAGES pushes by 8 concurrent pushers, s | $PUSH_SECONDS | raw write + fsync of the same bytes $FSYNC_SECONDS | $PUSH_RATIO | errors: $ERRORS, lost versions: $LOST |

The push figure includes validation, SQLite, and signing new TUF targets, snapshot and
timestamp after every push; the baseline writes the same $BYTES bytes with one fsync per file.
Bytes on the wire include status lines and headers; a 304 carries no body. The site API's
\`/api/site/updates\` answers with an ETag too, and the agent polls it with If-None-Match.
MD
cat artifacts/bench/feed.md
[ "$ERRORS" = 0 ] && [ "$LOST" = 0 ]
