#!/usr/bin/env bash
# Runs every test. It installs and starts whatever servers the tests need, so a fresh machine with the
# .NET SDK is enough; today the suite needs no server (RabbitMQ and PostgreSQL arrive with the services).
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test SmsVending.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, e.g. "tests: 120 passed, 0 failed".
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
     } END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
[ "$status" -eq 0 ] || echo "the build or a test run failed (dotnet test exited $status): see above"
exit "$status"
