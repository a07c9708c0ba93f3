#!/usr/bin/env bash
# Runs every benchmark in bench/ against the build in $1 (default: build) and prints each result
# next to its baseline. Google Benchmark binaries pair `BM_Op_X` with `BM_Op_Naive` (or
# `BM_Op_Baseline`) and the ratio is printed; other benches (plain mains, *.sh) print their own baseline and ratio.
# Results worth keeping go into bench/RESULTS.md with the command and the date.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"

for bin in "$build"/bench/*_bench; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  echo "== $name"
  if "$bin" --help 2>&1 | grep -q benchmark_filter; then
    "$bin" --benchmark_format=json --benchmark_out="$out/$name.json" --benchmark_out_format=json \
      >/dev/null
    python3 - "$out/$name.json" <<'PY'
import json, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type", "iteration") == "iteration"]
BASELINES = ("Naive", "Baseline")
def split(name):
    head, _, arg = name.partition("/")
    prefix, _, suffix = head.rpartition("_")
    return prefix, suffix, arg
def rate(b):
    return b.get("items_per_second") or 1e9 / b["real_time"] * {"ns": 1, "us": 1e-3, "ms": 1e-6}.get(b["time_unit"], 1)
base = {(p, a): b for b in runs for p, s, a in [split(b["name"])] if s in BASELINES}
for b in runs:
    p, s, a = split(b["name"])
    if s in BASELINES:
        continue
    line = f"  {b['name']:<44} {rate(b):>14,.0f} ops/s"
    if (p, a) in base:
        r0 = rate(base[(p, a)])
        line += f"   baseline {base[(p, a)]['name']} {r0:>12,.0f} ops/s   ratio {rate(b) / r0:,.1f}x"
    print(line)
PY
  else
    "$bin" | tee "$out/$name.txt"
  fi
done
for script in bench/*_bench.sh; do
  [ -f "$script" ] || continue
  echo "== $(basename "$script")"
  bash "$script" "$build" | tee "$out/$(basename "$script" .sh).txt"
done
