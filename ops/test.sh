#!/usr/bin/env bash
# Runs every test. It installs and starts whatever servers (and the browser) the tests need, so a fresh Debian 12 machine
# with the .NET SDK is enough (as root: it may apt-get install). PostgreSQL and RabbitMQ come from
# ops/postgres.sh and ops/rabbitmq.sh, on 127.0.0.1 only, and stay running afterwards for the next run;
# the tests find them through SMSVENDING_TEST_POSTGRES (an Npgsql connection string) and
# SMSVENDING_TEST_RABBITMQ (an AMQP URL).
set -euo pipefail
cd "$(dirname "$0")/.."

# The deployment manifests' test reads YAML with python3's yaml module (python3-yaml).
source ops/lib.sh
ensure_command python3 python3
ensure_python_module yaml python3-yaml

# Each script prints only its connection string on stdout, with the port the server really uses.
SMSVENDING_TEST_POSTGRES=$(ops/postgres.sh start) || { echo "could not start PostgreSQL for the tests: see above"; exit 1; }
SMSVENDING_TEST_RABBITMQ=$(ops/rabbitmq.sh start) || { echo "could not start RabbitMQ for the tests: see above"; exit 1; }
export SMSVENDING_TEST_POSTGRES SMSVENDING_TEST_RABBITMQ
echo "SMSVENDING_TEST_POSTGRES=$SMSVENDING_TEST_POSTGRES"
echo "SMSVENDING_TEST_RABBITMQ=$SMSVENDING_TEST_RABBITMQ"

# The call-centre console's browser tests drive Debian's chromium through Playwright (which never downloads a browser here).
if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium for the console's browser tests"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || { echo "could not install chromium: see above"; exit 1; }
fi

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
