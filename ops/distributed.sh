#!/usr/bin/env bash
# ops/distributed.sh start|revive|stop|status|clean: the distributed system on this machine — the Gateway, Vending and the
# KeyAuthority as separate processes over the RabbitMQ and PostgreSQL that ops/rabbitmq.sh and ops/postgres.sh run.
#
#   start   starts the servers (installing them when missing), creates the virtual host and the three databases,
#           writes the secrets, seeds the demo vending key (supply group 600001) and tariff (DOMESTIC), and starts
#           every service that is not already running; then waits until the Gateway answers and Vending and the
#           KeyAuthority consume. Safe to run again: what runs is reused, what died is started again.
#   revive  starts again only the services that died, on the servers of the last start, without running the servers' scripts
#           (about 9 s of rabbitmqctl when RabbitMQ runs); fails when there was no start or a server does not answer.
#   stop    stops the services (SIGTERM, then SIGKILL after 20 s); data, secrets and queues stay.
#   status  lists the services and whether each runs (exit 0 when all do, 3 otherwise).
#   clean   stops the services, drops the databases and the virtual host, and deletes the state folder.
#
# Settings (environment):
#   SMSVENDING_DIST_DIR        state folder: pids, logs, credentials.json, master.key (default data/distributed)
#   SMSVENDING_DIST_NAME       names the RabbitMQ virtual host and prefixes the databases (default smsvending)
#   SMSVENDING_DIST_VENDING    Vending instances (default 1); SMSVENDING_DIST_KEYAUTHORITY: KeyAuthority instances (default 1)
#   SMSVENDING_DIST_PORT       the Gateway's HTTP port on 127.0.0.1 (default 5000)
#   SMSVENDING_DIST_PHONES_URL the phone network (Twilio API) the Gateway sends SMS to (default http://127.0.0.1:5080,
#                              where `MeterEmulator demo` and `load` start theirs); SMSVENDING_DIST_MONEY_URL the M-Pesa
#                              provider (default http://127.0.0.1:5090)
#   SMSVENDING_DIST_BUILD=0    run the Release build as it is instead of building first
#   SMSVENDING_DIST_CONFIGURATION  Release (default) or Debug
#   SMSVENDING_POSTGRES_PORT, SMSVENDING_RABBITMQ_PORT  private servers on other ports (see ops/postgres.sh, ops/rabbitmq.sh)
# The Gateway's credentials.json in the state folder is what `MeterEmulator demo|load --credentials` reads.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

dir=$(realpath -m "${SMSVENDING_DIST_DIR:-data/distributed}")
name=${SMSVENDING_DIST_NAME:-smsvending}
vending_count=${SMSVENDING_DIST_VENDING:-1}
ka_count=${SMSVENDING_DIST_KEYAUTHORITY:-1}
port=${SMSVENDING_DIST_PORT:-5000}
phones_url=${SMSVENDING_DIST_PHONES_URL:-http://127.0.0.1:5080}
money_url=${SMSVENDING_DIST_MONEY_URL:-http://127.0.0.1:5090}
configuration=${SMSVENDING_DIST_CONFIGURATION:-Release}
gateway_url=http://127.0.0.1:$port

say() { printf 'distributed.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
[[ $name =~ ^[a-z][a-z0-9_]{0,40}$ ]] || die "SMSVENDING_DIST_NAME must be lower-case letters, digits and _ (it names databases), not '$name'"
[[ $vending_count =~ ^[1-9][0-9]?$ && $ka_count =~ ^[1-9][0-9]?$ ]] || die "instance counts are whole numbers from 1 to 99"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

dll() { echo "$root/$1/bin/$configuration/net10.0/SmsVending.$1.dll"; }

# The services, one per line: "name project arguments…"; instances are numbered.
services() {
  local i
  for ((i = 1; i <= ka_count; i++)); do echo "keyauthority-$i KeyAuthority serve"; done
  for ((i = 1; i <= vending_count; i++)); do echo "vending-$i Vending"; done
  echo "gateway-1 Gateway --urls $gateway_url"
}

pid_of() { cat "$dir/$1.pid" 2>/dev/null || true; }
# A process killed a moment ago may still be a zombie, which kill -0 finds: it counts as ended.
running_pid() { kill -0 "$1" 2>/dev/null && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && running_pid "$pid"; }

servers() {
  postgres=$(ops/postgres.sh start) || die "could not start PostgreSQL: see above"
  rabbitmq=$(ops/rabbitmq.sh start) || die "could not start RabbitMQ: see above"
  # The system's own virtual host keeps its queues apart from the tests' (which use /).
  ops/rabbitmq.sh vhost "$name" || die "could not create the virtual host $name"
  bus="${rabbitmq%/}/$name"
  pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$postgres")
}

# psql as the tests' role on the server ops/postgres.sh runs.
sql() { PGPASSWORD=smsvending psql -X -q -h 127.0.0.1 -p "${pg_port:-${SMSVENDING_POSTGRES_PORT:-5432}}" -U smsvending -d smsvending_test "$@"; }

# Everything runs on loopback, so TLS would only cost CPU on both ends. Pooled connections keep their session (no DISCARD ALL on
# every return), so the statements Npgsql prepares automatically stay prepared: each purchase runs the same few dozen.
database() { echo "${postgres/Database=smsvending_test/Database=${name}_$1};Maximum Pool Size=$2;SSL Mode=Disable;No Reset On Close=true;Max Auto Prepare=100"; }

create_databases() {
  local db
  for db in gateway vending keyauthority; do
    sql -v ON_ERROR_STOP=1 >/dev/null <<SQL || die "could not create database ${name}_$db"
SELECT format('CREATE DATABASE %I', '${name}_$db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${name}_$db') \gexec
SQL
  done
}

# The servers' addresses of the last start, so that revive need not ask the servers' scripts again.
save_servers() { printf 'postgres=%q\nbus=%q\npg_port=%q\n' "$postgres" "$bus" "$pg_port" >"$dir/servers.env"; }

# Whether something accepts TCP connections on 127.0.0.1:$1 within 2 s.
answers() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_'; }

# Written once and kept: the load driver and the demo read credentials.json, the services get the same values.
write_secrets() {
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ -f "$dir/secrets.env" ] && return 0
  (
    umask 077
    cat >"$dir/secrets.env" <<EOF
admin_key=$(secret)
supervisor_key=$(secret)
agent_key=$(secret)
manufacturing_key=$(secret)
twilio_sid=AC$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
twilio_token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
mpesa_secret=$(secret)
EOF
    source "$dir/secrets.env"
    cat >"$dir/credentials.json" <<EOF
{
  "adminApiKey": "$admin_key",
  "supervisorApiKey": "$supervisor_key",
  "agentApiKey": "$agent_key",
  "manufacturingApiKey": "$manufacturing_key",
  "twilioAccountSid": "$twilio_sid",
  "twilioAuthToken": "$twilio_token",
  "mpesaCallbackSecret": "$mpesa_secret"
}
EOF
  )
}

keyauthority_env() {
  export KeyAuthority__Provider=Postgres KeyAuthority__ConnectionString="$(database keyauthority 10)"
  export KeyAuthority__MasterKeyFile="$dir/master.key" KeyAuthority__CreateMasterKey=$1
  # For the emulator's meter factory (demo, load driver), as in embedded mode; a real deployment leaves it off.
  export KeyAuthority__ManufacturingExport=true
}

seed_vending_key() {
  (
    keyauthority_env true # the first run creates the master key, before any server runs
    local list
    list=$(dotnet "$(dll KeyAuthority)" keys list) || die "the KeyAuthority could not open its store: see above"
    grep -q 600001 <<<"$list" || dotnet "$(dll KeyAuthority)" keys generate --sgc 600001 --krn 1 --kt 2 >&2
  )
}

start_service() {
  local service=$1 project=$2
  shift 2
  alive "$service" && return 0
  say "starting $service"
  (
    source "$dir/secrets.env"
    export Bus__RabbitMq="$bus" Logging__LogLevel__Default=Warning
    # Several .NET processes share the cores with the servers: the Gateway's garbage collector runs on the thread that needs it
    # rather than a thread per core, which cuts the CPU each purchase costs (README "Distributed mode"); a setting already in
    # the environment wins. (Idle thread-pool threads sleeping at once rather than spinning is in every build's runtimeconfig.)
    export DOTNET_gcServer=${DOTNET_gcServer:-0}
    case $project in
      KeyAuthority) keyauthority_env false ;;
      Vending) export Vending__Provider=Postgres Vending__ConnectionString="$(database vending 25)" ;;
      Gateway)
        export Gateway__Provider=Postgres Gateway__ConnectionString="$(database gateway 25)" Gateway__PublicBaseUrl="$gateway_url"
        export Gateway__Twilio__ApiBaseUrl="$phones_url" Gateway__Twilio__AccountSid="$twilio_sid" Gateway__Twilio__AuthToken="$twilio_token"
        export Gateway__Mpesa__ApiBaseUrl="$money_url" Gateway__Mpesa__ShortCode=174379 Gateway__Mpesa__PassKey=demo-pass-key
        export Gateway__Mpesa__ConsumerKey=demo-consumer-key Gateway__Mpesa__ConsumerSecret=demo-consumer-secret Gateway__Mpesa__CallbackSecret="$mpesa_secret"
        export Gateway__RateLimitPerPhone=1000000 # load runs text far more than a person
        local role
        for role in admin supervisor agent manufacturing; do
          local key_var=${role}_key
          export "Gateway__ApiKeys__${role}__Key=${!key_var}" "Gateway__ApiKeys__${role}__Role=$role"
        done
        ;;
    esac
    cd "$dir"
    exec setsid dotnet "$(dll "$project")" "$@" >>"$dir/$service.log" 2>&1 </dev/null
  ) &
  echo $! >"$dir/$service.pid"
}

# Seeds the demo tariff through the admin API; it also proves the Gateway and Vending talk over the bus.
seed_tariff() {
  source "$dir/secrets.env"
  local body='{"id":"DOMESTIC","currency":"KES","blocks":[{"upToUnits":30,"pricePerUnit":12},{"upToUnits":100,"pricePerUnit":16},{"upToUnits":null,"pricePerUnit":20}],"vatRate":0.16,"fixedMonthlyCharge":100,"debtRecoveryRate":0.25,"minimumPurchase":50,"maximumPurchase":35000,"unit":"kWh"}'
  local deadline=$((SECONDS + 120))
  until curl -fs -o /dev/null -X PUT -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' -d "$body" "$gateway_url/admin/tariffs/DOMESTIC"; do
    [ $SECONDS -lt $deadline ] || die "the Gateway and Vending did not answer within 120 s: see $dir/*.log"
    check_running
    sleep 1
  done
}

check_running() {
  local service _
  while read -r service _; do
    alive "$service" || { tail -n 40 "$dir/$service.log" >&2 || true; die "$service exited: see $dir/$service.log"; }
  done < <(services)
}

# A meter-key request the KeyAuthority answers proves it consumes (an unknown meter is refused, which is an answer). The number is
# well formed (its check digit is right): a mistyped one is refused as invalid, 400, a status the Gateway also gives on its own.
await_keyauthority() {
  source "$dir/secrets.env"
  local deadline=$((SECONDS + 120)) code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $manufacturing_key" "$gateway_url/admin/meters/01000000008/decoder-key" || true)
    [[ $code == 404 || $code == 200 ]] && return 0
    [ $SECONDS -lt $deadline ] || die "the KeyAuthority did not answer within 120 s (last HTTP $code): see $dir/*.log"
    check_running
    sleep 1
  done
}

start() {
  servers
  create_databases
  if [ "${SMSVENDING_DIST_BUILD:-1}" != 0 ]; then
    say "building ($configuration)"
    dotnet build -c "$configuration" Gateway -v quiet -nologo >&2 || die "the build failed"
  fi
  write_secrets
  save_servers
  seed_vending_key
  start_services
}

revive() {
  [ -f "$dir/servers.env" ] && [ -f "$dir/secrets.env" ] || die "nothing to revive in $dir: run ops/distributed.sh start first"
  source "$dir/servers.env"
  local rabbitmq_port
  rabbitmq_port=$(sed -n 's|.*@127\.0\.0\.1:\([0-9]*\)/.*|\1|p' <<<"$bus")
  answers "$pg_port" || die "PostgreSQL does not answer on 127.0.0.1:$pg_port: ops/distributed.sh start starts it"
  answers "$rabbitmq_port" || die "RabbitMQ does not answer on 127.0.0.1:$rabbitmq_port: ops/distributed.sh start starts it"
  start_services
}

# Starts every service that is not running, then waits until the Gateway, Vending and the KeyAuthority answer.
start_services() {
  local service project args
  while read -r service project args; do
    # shellcheck disable=SC2086 # the arguments are words
    start_service "$service" "$project" $args
  done < <(services)
  seed_tariff
  await_keyauthority
  say "running: Gateway $gateway_url, $vending_count Vending, $ka_count KeyAuthority on virtual host $name; credentials in $dir/credentials.json"
}

stop() {
  local service _ pid
  for pid_file in "$dir"/*.pid; do
    [ -e "$pid_file" ] || continue
    service=$(basename "$pid_file" .pid)
    if alive "$service"; then
      pid=$(pid_of "$service")
      say "stopping $service ($pid)"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do running_pid "$pid" || break; sleep 0.5; done
      running_pid "$pid" && { say "$service did not stop: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
    fi
    rm -f "$pid_file"
  done
}

status() {
  local service _ state=0
  while read -r service _; do
    if alive "$service"; then say "$service running ($(pid_of "$service"))"; else say "$service not running"; state=3; fi
  done < <(services)
  return $state
}

clean() {
  stop
  if command -v psql >/dev/null 2>&1; then
    for db in gateway vending keyauthority; do
      sql </dev/null >/dev/null -c "DROP DATABASE IF EXISTS ${name}_$db WITH (FORCE)" || true
    done
  fi
  command -v rabbitmqctl >/dev/null 2>&1 && ops/rabbitmq.sh delete-vhost "$name" || true
  rm -rf "$dir"
  say "removed the databases, the virtual host $name and $dir"
}

case "${1:-}" in
  start | revive | stop | status | clean) "$1" ;;
  *) echo "usage: $0 start|revive|stop|status|clean" >&2; exit 2 ;;
esac
