#!/usr/bin/env bash
# ops/chaos.sh [PURCHASES]: the fault runs of the distributed system, longer than CI runs them. Each test starts its own system with
# ops/distributed.sh (own virtual host, databases and ports), runs the meter emulator's load driver against it, does harm mid-run,
# and checks that every purchase ended with exactly one debit and one accepted token set (tests/Distributed.Tests/Chaos):
#   kill -9 of Vending, then of the KeyAuthority, each started again;
#   PostgreSQL restarted twice, then RabbitMQ restarted twice (private servers on their own ports, so other runs on this machine
#   are untouched).
# PURCHASES defaults to 20000 (CI runs 1200). Needs root, like ops/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
purchases=${1:-20000}
[[ $purchases =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [PURCHASES]" >&2; exit 2; }

source ops/lib.sh
SMSVENDING_TEST_POSTGRES=$(ops/postgres.sh start) || die "could not start PostgreSQL: see above"
SMSVENDING_TEST_RABBITMQ=$(ops/rabbitmq.sh start) || die "could not start RabbitMQ: see above"
export SMSVENDING_TEST_POSTGRES SMSVENDING_TEST_RABBITMQ SMSVENDING_CHAOS_PURCHASES=$purchases
dotnet test tests/Distributed.Tests -c Release --filter "FullyQualifiedName~.Chaos." --logger "console;verbosity=normal"
