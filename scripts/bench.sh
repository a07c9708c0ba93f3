#!/usr/bin/env bash
# Runs every benchmark in bench/ against the build in $1 (default: build) and prints each result
# next to its baseline. Google Benchmark binaries pair `BM_Name` with `BM_Name_Baseline` and the
# ratio is printed; other benches (plain mains, *.sh) print their own baseline and ratio.
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
runs = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type", "iteration") == "iteration"}
def rate(b):
    return b.get("items_per_second") or (1e9 / b["real_time"] if b["time_unit"] == "ns" else None)
for name, b in runs.items():
    if "_Baseline" in name:
        continue
    base = runs.get(name.replace("/", "_Baseline/", 1) if "/" in name else name + "_Baseline")
    r = rate(b)
    line = f"  {name:<48} {r:>14,.0f} ops/s" if r else f"  {name:<48} {b['real_time']:.1f} {b['time_unit']}"
    if base and rate(base) and r:
        line += f"   baseline {rate(base):>12,.0f} ops/s   ratio {r / rate(base):,.1f}x"
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
