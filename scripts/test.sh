#!/usr/bin/env bash
# Runs every test of VillageBot. On a fresh Debian machine (as root) it first installs what the tests need:
# Chromium for the browser tests (apt), axe-core for their accessibility checks (npm) and PostgreSQL (apt). Prints a last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium"
  else
    echo "warning: chromium is missing and cannot be installed here; browser tests will fail"
  fi
fi

# axe-core, which the browser tests load into each page for the WCAG 2 A/AA checks: installed from the lock file.
if command -v npm >/dev/null 2>&1; then
  (cd tests/web-tools && npm ci --no-audit --no-fund --silent) || echo "warning: could not install tests/web-tools (axe-core); accessibility checks will fail"
else
  echo "warning: npm is missing; accessibility checks will fail"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
if ! dotnet build VillageBot.sln -c Release 2>&1 | tee "$log" | grep -E "error|Build succeeded" | sort -u; then :; fi
if ! grep -q "Build succeeded" "$log"; then
  tail -40 "$log"
  echo "0 passed, 1 failed"
  exit 1
fi

# A throwaway PostgreSQL cluster for the store tests that run on both providers (installed from Debian's packages
# when missing). VILLAGEBOT_REQUIRE_PG=1 makes those tests fail, not pass without it, if it did not start.
export VILLAGEBOT_REQUIRE_PG=1
if pg_exports=$(bash scripts/pg-test-cluster.sh start); then
  eval "$pg_exports"
  trap 'bash scripts/pg-test-cluster.sh stop "$VILLAGEBOT_TEST_PG_DIR"' EXIT
else
  echo "warning: could not start a PostgreSQL cluster; the PostgreSQL store tests will fail"
fi

dotnet test VillageBot.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The end-to-end suite once more with every test host on PostgreSQL: a database of its own per host in the same
# throwaway cluster (VILLAGEBOT_TEST_STORAGE=PostgreSql). Its counts join the total below.
if [ -n "${VILLAGEBOT_TEST_PG:-}" ]; then
  echo "The end-to-end suite on PostgreSQL…"
  VILLAGEBOT_TEST_STORAGE=PostgreSql dotnet test tests/VillageBot.Tests -c Release --no-build 2>&1 | tee -a "$log"
  pg_status=${PIPESTATUS[0]}
  if [ "$pg_status" -ne 0 ]; then status=$pg_status; fi
else
  echo "Failed!  - Failed:     1, Passed:     0 (the end-to-end suite on PostgreSQL could not run: no cluster)" | tee -a "$log"
  status=1
fi
passed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
