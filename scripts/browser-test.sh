#!/usr/bin/env bash
# The end-to-end browser test: starts `gongkai serve --demo` from BUILD_DIR on a throw-away
# SQLite database on a free loopback port, waits for /healthz, and runs tests/browser/portal.test.mjs
# catalogue.test.mjs, queue.test.mjs and guide.test.mjs (or only those named in BROWSER_TESTS, e.g. BROWSER_TESTS=catalogue.test.mjs)
# (node's built-in test runner driving Debian's /usr/bin/chromium through playwright-core; no
# browser is ever downloaded). The server is always stopped and the temporary files removed;
# the exit status is the test's. Screenshots of every step and the server log are left in
# tests/browser/artifacts/.
# Usage: scripts/browser-test.sh [BUILD_DIR]   (default: build)
# Needs what `scripts/install-deps.sh test` installs (chromium, fonts-noto-cjk, node, npm) and,
# the first time, the npm registry (playwright-core is installed into tests/browser/node_modules).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$repo/$build" ;; esac
bin="$build/gongkai"
browser_dir="$repo/tests/browser"
artifacts="$browser_dir/artifacts"
chromium=${CHROMIUM:-/usr/bin/chromium}
# Seeding the demo government (a year of sample cases) comes before the server listens.
start_timeout_s=180

fail() {
  echo "browser-test: $*" >&2
  exit 1
}

[ -x "$bin" ] || fail "no $bin — build it first: cmake --build $build --target gongkai"
[ -x "$chromium" ] || fail "no $chromium — run scripts/install-deps.sh test (Debian package chromium)"
command -v node >/dev/null || fail "no node — run scripts/install-deps.sh test"
command -v curl >/dev/null || fail "no curl — apt-get install curl"
if command -v fc-list >/dev/null && ! fc-list :lang=zh | grep -q .; then
  fail "no Chinese font: pages would render as boxes — run scripts/install-deps.sh (fonts-noto-cjk)"
fi

if [ ! -f "$browser_dir/node_modules/playwright-core/package.json" ]; then
  command -v npm >/dev/null || fail "no npm — run scripts/install-deps.sh test"
  echo "browser-test: installing playwright-core into tests/browser/node_modules" >&2
  (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-e2e.XXXXXX")
server_pid=""
cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -f "$tmp/server.log" ]; then
    mkdir -p "$artifacts"
    cp "$tmp/server.log" "$artifacts/server.log"
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$artifacts"
rm -f "$artifacts"/*.png

# Port 0: the kernel picks a free port; the server prints the address it listens on.
"$bin" serve --host 127.0.0.1 --port 0 --db "$tmp/gongkai.db" --uploads "$tmp/uploads" \
  --data "$repo/data" --demo >"$tmp/server.log" 2>&1 &
server_pid=$!

base=""
for _ in $(seq $((start_timeout_s * 10))); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$tmp/server.log" >&2
    fail "gongkai serve exited before listening (log above)"
  fi
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$tmp/server.log" | head -n 1 || true)
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || fail "gongkai serve did not print its address within ${start_timeout_s}s"

healthy=""
for _ in $(seq 100); do
  if curl -fsS --max-time 2 "$base/healthz" >/dev/null 2>&1; then
    healthy=yes
    break
  fi
  sleep 0.1
done
[ -n "$healthy" ] || fail "$base/healthz did not answer 200 within 10s"

# The demo sign-ins as printed by `serve --demo`: "  <role>  <name> / <password>  （<agency>）".
login_of() {
  awk -v role="$1" '$1 == role && $3 == "/" { print $2 ":" $4; exit }' "$tmp/server.log"
}
clerk=$(login_of 经办人)
head=$(login_of 负责人)
[ -n "$clerk" ] || fail "serve --demo printed no 经办人 (clerk) sign-in; see $artifacts/server.log"
[ -n "$head" ] || fail "serve --demo printed no 负责人 (head) sign-in; see $artifacts/server.log"

echo "browser-test: server at $base (pid $server_pid); screenshots in $artifacts" >&2
status=0
(cd "$browser_dir" &&
  GONGKAI_URL="$base" GONGKAI_ARTIFACTS="$artifacts" CHROMIUM="$chromium" \
    GONGKAI_CLERK="$clerk" GONGKAI_HEAD="$head" \
    node --test --test-reporter=spec ${BROWSER_TESTS:-portal.test.mjs catalogue.test.mjs queue.test.mjs guide.test.mjs}) || status=$?
if [ "$status" -ne 0 ]; then
  echo "browser-test: FAILED (exit $status); last server log lines:" >&2
  tail -n 30 "$tmp/server.log" >&2
fi
exit "$status"
