#!/usr/bin/env bash
# Micro-benchmarks of the token engines (BenchmarkDotNet, Release, one core per benchmark).
#   ops/bench.sh                  every benchmark, short runs (about a minute each)
#   ops/bench.sh --filter '*Sts*' any BenchmarkDotNet arguments replace the defaults
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--filter '*' --job short)
dotnet run -c Release --project ops/Benchmarks -- "${args[@]}"
