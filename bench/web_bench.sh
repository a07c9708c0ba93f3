#!/usr/bin/env bash
# The web benchmark: how many pages per second `gongkai serve` delivers on loopback, next to
# nginx serving a static copy of the same bytes (the reference: no server can do much better).
#
# 1. Seeds a throw-away SQLite database with `gongkai serve --demo` (a demo government and
#    departments, a year of sample cases), then — the app has no bulk seeding of its own — adds
#    an agency 「新华区压力测试局」 holding BENCH_CASES cases (default 100000): the demo
#    government's cases exported with `gongkai cases export`, copied under new case numbers
#    and loaded with `gongkai cases import` (one transaction).
# 2. Starts `gongkai serve` on that database and runs `wrk -t2 -c64 -d30s --latency` on
#    127.0.0.1 against: the case-tracking page (GET /track, the public form), the demo
#    government's public report of last year, and the large agency's public report of last year.
#    The app keeps each built report until the register changes (web/report_cache.h), so a
#    request costs a register-stamp read; the first request, timed on its own with curl before
#    wrk starts, pays for the fold of the whole register.
# 3. Starts nginx with a temporary config on another loopback port, serving copies of the first
#    two pages fetched with curl, and runs the same wrk command against them.
# Prints requests/s and p99 latency of each run, the app/nginx ratio, and the server's peak RSS
# (VmHWM). Everything runs on loopback, is bounded by timeouts, and everything started here is
# stopped; the temporary directory is removed.
# Usage: bench/web_bench.sh [BUILD_DIR]   (default: build)
#   BENCH_CASES=N      cases of the large agency (0: none)      BENCH_DURATION=30s   wrk -d
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$repo/$build" ;; esac
bin="$build/gongkai"
cases=${BENCH_CASES:-100000}
duration=${BENCH_DURATION:-30s}
wrk_args=(-t2 -c64 -d"$duration" --latency)
# wrk itself stops after the duration; this bounds a hung run.
wrk_timeout_s=120
start_timeout_s=300
big_agency="新华区压力测试局"

fail() {
  echo "web_bench: $*" >&2
  exit 1
}
[ -x "$bin" ] || fail "no $bin — build it first: cmake --build $build --target gongkai"
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || fail "no $tool — run scripts/install-deps.sh test"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-bench.XXXXXX")
# nginx workers may run as another user (nobody) when started by root: let them read the copies.
chmod 755 "$tmp"
db="$tmp/gongkai.db"
server_pid=""
nginx_pid=""

stop_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  stop_pid "$server_pid"
  stop_pid "$nginx_pid"
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

base=""
start_server() {
  "$bin" serve --host 127.0.0.1 --port 0 --db "$db" --uploads "$tmp/uploads" \
    --data "$repo/data" "$@" >"$tmp/server.log" 2>&1 &
  server_pid=$!
  base=""
  for _ in $(seq $((start_timeout_s * 10))); do
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; fail "gongkai serve exited"; }
    base=$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$tmp/server.log" | head -n 1 || true)
    [ -n "$base" ] && break
    sleep 0.1
  done
  [ -n "$base" ] || fail "gongkai serve did not print its address within ${start_timeout_s}s"
  for _ in $(seq 100); do
    curl -fsS --max-time 2 "$base/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "$base/healthz did not answer"
}
stop_server() {
  stop_pid "$server_pid"
  server_pid=""
}
agency_id() {
  "$bin" --lang en agencies list --db "$db" | awk -F '\t' -v name="$1" '$5 == name { print $1 }'
}

echo "== seeding the demo government"
start_server --demo
stop_server
gov=$(agency_id 平顶山市新华区人民政府)
[ -n "$gov" ] || fail "serve --demo created no 平顶山市新华区人民政府"

if [ "$cases" -gt 0 ]; then
  echo "== adding $big_agency with $cases cases (copies of the demo government's)"
  "$bin" --lang en cases export --db "$db" --agency "$gov" -o "$tmp/demo.jsonl" >/dev/null
  python3 - "$tmp/demo.jsonl" "$tmp/big.jsonl" "$cases" <<'PY'
import json, sys
src, dst, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = {}
for line in open(src, encoding="utf-8"):
    if line.strip():
        e = json.loads(line)
        cases.setdefault(e["case"], []).append(e)
histories = list(cases.values())
if not histories:
    sys.exit("the demo government has no cases to copy")
with open(dst, "w", encoding="utf-8") as out:
    for n in range(want):
        for e in histories[n % len(histories)]:
            copy = dict(e, case=f"{e['case']}-{n // len(histories) + 1:04d}")
            copy.pop("agency", None)
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")
PY
  "$bin" --lang en agencies add --db "$db" --name "$big_agency" --kind department \
    --parent "$gov" >/dev/null
  big=$(agency_id "$big_agency")
  start_import=$(date +%s)
  "$bin" --lang en cases import --db "$db" --agency "$big" "$tmp/big.jsonl"
  echo "   import took $(($(date +%s) - start_import)) s"
fi

start_server
# The last year that has ended in Asia/Shanghai, the app's "today".
year=$(($(TZ=Asia/Shanghai date +%Y) - 1))
pages=("/track" "/reports/$gov/$year")
labels=("tracking form" "report $year (demo government)")
if [ "$cases" -gt 0 ]; then
  pages+=("/reports/$big/$year")
  labels+=("report $year ($cases cases)")
fi

echo "== first request of each report (builds it: a fold of the register; later ones reuse it)"
for i in "${!pages[@]}"; do
  [ "$i" -eq 0 ] && continue
  first_s=$(curl -fsS --max-time 600 -o /dev/null -w '%{time_total}' "$base${pages[$i]}") ||
    fail "GET ${pages[$i]} failed"
  printf '   %-36s %8.3f s\n' "${labels[$i]}" "$first_s"
done

# Static copies for nginx, fetched from the app (same bytes, same length).
mkdir -p "$tmp/www"
for i in 0 1; do
  curl -fsS --max-time 60 -o "$tmp/www/page$i.html" "$base${pages[$i]}" ||
    fail "GET ${pages[$i]} failed"
done
chmod -R a+rX "$tmp/www"

# Runs wrk against $1 (full output in $2) and sets rps, p99 (ms) and bad (non-2xx responses).
run_wrk() {
  timeout "$wrk_timeout_s" wrk "${wrk_args[@]}" "$1" >"$2" 2>&1 || fail "wrk $1 failed: $(cat "$2")"
  read -r rps p99 bad < <(awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      p99 = unit == "us" ? v / 1000 : unit == "s" ? v * 1000 : unit == "m" ? v * 60000 : v
    }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    END { printf "%s %.2f %d\n", rps, p99, bad + 0 }
  ' "$2")
  [ -n "$rps" ] || fail "no Requests/sec in the wrk output of $1: $(cat "$2")"
}
# "app/nginx" as a decimal.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

declare -A app_rps
echo "== gongkai serve ($base, wrk ${wrk_args[*]})"
for i in "${!pages[@]}"; do
  run_wrk "$base${pages[$i]}" "$tmp/wrk-app-$i.txt"
  app_rps[$i]=$rps
  printf '   %-36s %10.1f req/s   p99 %8.2f ms%s\n' "${labels[$i]}" "$rps" "$p99" \
    "$([ "$bad" -gt 0 ] && echo "   ($bad non-2xx)")"
  # wrk leaves requests that time out (2 s) out of the latency figures: say how many.
  grep -h 'Socket errors' "$tmp/wrk-app-$i.txt" | sed 's/^ */     wrk: /' || true
done
rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$server_pid/status")
stop_server

nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/nginx.conf" <<EOF
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  default_type text/html;
  charset utf-8;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
  }
}
EOF
nginx -e "$tmp/nginx-error.log" -p "$tmp" -c "$tmp/nginx.conf" &
nginx_pid=$!
up=""
for _ in $(seq 50); do
  curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$nginx_port/page0.html" 2>/dev/null && {
    up=yes
    break
  }
  sleep 0.1
done
[ -n "$up" ] || fail "nginx did not start: $(cat "$tmp/nginx-error.log" 2>/dev/null)"

echo "== nginx, static copies (http://127.0.0.1:$nginx_port, same wrk command)"
for i in 0 1; do
  run_wrk "http://127.0.0.1:$nginx_port/page$i.html" "$tmp/wrk-nginx-$i.txt"
  printf '   %-36s %10.1f req/s   p99 %8.2f ms   app/nginx %s (req/s)\n' "${labels[$i]}" \
    "$rps" "$p99" "$(ratio "${app_rps[$i]}" "$rps")"
done
stop_pid "$nginx_pid"
nginx_pid=""

printf '== gongkai serve peak RSS (VmHWM): %d MB\n' $((rss_kb / 1024))
printf '   page sizes: %s\n' "$(wc -c "$tmp"/www/page*.html | awk '$2 != "total" { printf "%s=%d B ", $2, $1 }' | sed "s|$tmp/www/||g")"
