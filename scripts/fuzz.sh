#!/bin/sh
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for FUZZ_SECONDS (default
# 60) on its seeds (fuzz/seeds.list names them: the report fixtures for the text parser, the
# HTML/DOCX/PDF fixture documents for the extractors, and always fuzz/seeds/<target>/). New inputs
# go to build-fuzz/corpus/ and crashes to build-fuzz/crashes/; the script fails when any target
# finds one. With 0 seconds each target only replays its seeds once. (`make test` replays the seeds
# in the ASan+UBSan tree through ctest instead, without this clang build.)
#   scripts/fuzz.sh [seconds]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-60}}
build=build-fuzz

CC=clang-14 CXX=clang++-14 cmake -S . -B $build -G Ninja -DGONGKAI_FUZZ=ON -DGONGKAI_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
cmake --build $build --target fuzzers

seeds_for() {
  awk -v t="$1" '$1 == t { for (i = 2; i <= NF; i++) printf "%s ", $i }' fuzz/seeds.list
  echo "fuzz/seeds/$1"
}

failed=""
mkdir -p $build/crashes
for bin in $build/fuzz/*_fuzz; do
  name=$(basename "$bin" _fuzz)
  corpus=$build/corpus/$name
  mkdir -p "$corpus"
  if [ "$seconds" = 0 ]; then
    echo "== $name: replaying the seeds"
    run="-runs=0"
  else
    echo "== $name: ${seconds}s"
    run="-max_total_time=$seconds"
  fi
  if ! "$bin" $run -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$name-" "$corpus" $(seeds_for "$name") \
      >"$build/$name.log" 2>&1; then
    failed="$failed $name"
    tail -40 "$build/$name.log"
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/$name.log" || true
done
if [ -n "$failed" ]; then
  echo "fuzz: crashes in:$failed (inputs in $build/crashes/)"
  exit 1
fi
echo "fuzz: ok"
