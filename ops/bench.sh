#!/usr/bin/env bash
# Benchmarks.
#   ops/bench.sh load [load options]  the embedded Gateway (Release, fresh data folder) plus a load run of the meter
#                                     emulator against it; prints the load driver's report. Defaults: 1000 customers,
#                                     20000 purchases, 128 phones at once, as fast as answers come. Any `load` option
#                                     given replaces its default (see README, Load driver). With --json it also prints,
#                                     to stderr, the Gateway process's CPU time a purchase over the purchase phase
#                                     (user + system from /proc, sampled every 200 ms; provisioning and a --warmup
#                                     left out).
#   ops/bench.sh                      every micro-benchmark (BenchmarkDotNet), short runs (about a minute each)
#   ops/bench.sh --filter '*Sts*'     any BenchmarkDotNet arguments replace the defaults
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != load ]; then
  args=("$@")
  [ ${#args[@]} -gt 0 ] || args=(--filter '*' --job short)
  exec dotnet run -c Release --project ops/Benchmarks -- "${args[@]}"
fi
shift

gateway_port=${BENCH_GATEWAY_PORT:-5177} phones_port=${BENCH_PHONES_PORT:-5180} money_port=${BENCH_MONEY_PORT:-5190}
gateway_url=http://127.0.0.1:$gateway_port
data=$(mktemp -d)
gateway_pid=
cleanup() { [ -z "$gateway_pid" ] || kill "$gateway_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

dotnet build -c Release Gateway >/dev/null
dotnet build -c Release MeterEmulator >/dev/null

# The Gateway as the README's Demo section starts it, with the per-phone and per-meter (IR) rate limits lifted (a load run texts far more
# than a person) and information logs off (they would cost more than the work they describe).
dotnet Gateway/bin/Release/net10.0/SmsVending.Gateway.dll --urls "$gateway_url" --data "$data" \
  --Gateway:PublicBaseUrl="$gateway_url" --Gateway:Twilio:ApiBaseUrl="http://127.0.0.1:$phones_port" \
  --Gateway:Mpesa:ApiBaseUrl="http://127.0.0.1:$money_port" --Gateway:Mpesa:ShortCode=174379 --Gateway:Mpesa:PassKey=demo-pass-key \
  --Gateway:Mpesa:ConsumerKey=demo-consumer-key --Gateway:Mpesa:ConsumerSecret=demo-consumer-secret \
  --Gateway:RateLimitPerPhone=1000000 --Gateway:Ir:SessionsPerMeter=1000000 --Logging:LogLevel:Default=Warning >"$data/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 120); do
  curl -fs "$gateway_url/health/ready" >/dev/null 2>&1 && break
  kill -0 "$gateway_pid" 2>/dev/null || { cat "$data/gateway.log"; echo "the Gateway did not start: see above"; exit 1; }
  sleep 0.5
done
curl -fs "$gateway_url/health/ready" >/dev/null || { echo "the Gateway was not ready within 60 s"; exit 1; }

defaults=(--customers 1000 --purchases 20000 --concurrency 128)
declare -A given=()
for arg in "$@"; do given[$arg]=1; done
args=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  [ -n "${given[${defaults[i]}]:-}" ] || args+=("${defaults[i]}" "${defaults[i+1]}")
done
# The Gateway's CPU ticks (user + system), time-stamped, for the CPU a purchase costs once the report says how long the purchases took.
ticks() { awk '{ print $14 + $15 }' "/proc/$gateway_pid/stat" 2>/dev/null || true; }
( while kill -0 "$gateway_pid" 2>/dev/null; do echo "$(date +%s%3N) $(ticks)"; sleep 0.2; done ) >"$data/cpu.log" &

load() {
  dotnet MeterEmulator/bin/Release/net10.0/SmsVending.MeterEmulator.dll load --gateway "$gateway_url" --credentials "$data/credentials.json" \
    --phones-url "http://127.0.0.1:$phones_port" --money-url "http://127.0.0.1:$money_port" "${args[@]}" "$@"
}
status=0
# Only the JSON report goes through tee: the live progress bar needs the terminal itself.
if [ -n "${given[--json]:-}" ]; then load "$@" | tee "$data/report" || status=$?; else load "$@" || status=$?; fi
ended=$(date +%s%3N) ended_ticks=$(ticks)

# With --json the report gives the purchases and how long they took, so the purchase phase's first sample is known.
field() { grep -o "\"$1\":[0-9.]*" "$data/report" 2>/dev/null | head -n 1 | cut -d: -f2 || true; }
# A warm-up's purchases come before the measured window (durationSeconds), so they are not counted in it.
purchases=$(field purchases) seconds=$(field durationSeconds) warmup=$(field warmupPurchases)
[ -z "$purchases" ] || purchases=$((purchases - ${warmup:-0}))
if [ -n "$purchases" ] && [ -n "$seconds" ] && [ -n "$ended_ticks" ]; then
  awk -v end="$ended" -v end_ticks="$ended_ticks" -v n="$purchases" -v seconds="$seconds" -v hz="$(getconf CLK_TCK)" '
    n > 0 && !found && $1 >= end - seconds * 1000 { found = 1; start_ticks = $2 }
    END { if (found) printf "bench.sh: the Gateway used %.2f ms of CPU a purchase over the purchase phase (%d purchases)\n", (end_ticks - start_ticks) * 1000 / hz / n, n > "/dev/stderr" }
  ' "$data/cpu.log"
fi
exit "$status"
