#!/usr/bin/env bash
# Runs the test command N times in a row (default 10), each time on a fresh clone of this repository's HEAD in a
# new temporary folder, so nothing left by one run (build output, data directories) helps the next. Prints each
# run's last line and "soak: K of N runs green"; exits non-zero if any run failed.
set -uo pipefail
runs=${1:-10}
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse HEAD 2>/dev/null || git -C "$repo" rev-parse main)
root=$(mktemp -d "${TMPDIR:-/tmp}/villagebot-soak.XXXXXX")
green=0
results=()
for i in $(seq 1 "$runs"); do
  dir="$root/run$i"
  git clone -q --no-local "$repo" "$dir" && git -C "$dir" checkout -q --detach "$commit"
  log="$root/run$i.log"
  (cd "$dir" && bash scripts/test.sh) >"$log" 2>&1
  status=$?
  last=$(tail -n 1 "$log")
  results+=("run $i: $last (exit $status)")
  echo "run $i of $runs: $last"
  [ "$status" -eq 0 ] && green=$((green + 1))
  # The clone is rebuilt from nothing next time; keep only the log.
  rm -rf "$dir"
done

printf '%s\n' "${results[@]}"
echo "logs: $root"
echo "soak: $green of $runs runs green"
[ "$green" -eq "$runs" ]
