#!/usr/bin/env bash
# ops/postgres.sh start|stop|restart|status: the PostgreSQL the tests use, on 127.0.0.1 only.
# start installs the Debian package if missing, starts the cluster (or reuses a running one), makes sure
# the login role smsvending/smsvending (CREATEDB) and its database smsvending_test exist, and prints the
# connection string on stdout. Safe to run any number of times. Needs root; no systemd needed.
# SMSVENDING_POSTGRES_PORT=N selects a private cluster "smsvendingN" on port N (created when missing), e.g. for
# the chaos tests, which restart their server without disturbing anyone else's.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

readonly role=smsvending password=smsvending database=smsvending_test
readonly private_port=${SMSVENDING_POSTGRES_PORT:-}
[[ -z $private_port || $private_port =~ ^[1-9][0-9]{3,4}$ ]] || die "SMSVENDING_POSTGRES_PORT must be a port number, not '$private_port'"

# Sets ver, cluster and port from the Debian cluster list (pg_lsclusters), preferring "main" of the
# newest version; creates a cluster when the package left none (e.g. create_main_cluster = false).
find_cluster() {
  local line
  if [ -n "$private_port" ]; then
    find_private_cluster
    return
  fi
  line=$(pg_lsclusters --no-header | awk '$2 == "main"' | sort -V | tail -n 1)
  [ -n "$line" ] || line=$(pg_lsclusters --no-header | sort -V | tail -n 1)
  if [ -z "$line" ]; then
    ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$ver" ] || die "PostgreSQL is installed but no server version is under /usr/lib/postgresql"
    say "creating cluster $ver/main"
    pg_createcluster "$ver" main >&2
    line=$(pg_lsclusters --no-header | awk -v v="$ver" '$1 == v && $2 == "main"')
  fi
  read -r ver cluster port _ <<<"$line"
}

# The private cluster smsvendingPORT of the newest version, created on first use.
find_private_cluster() {
  cluster=smsvending$private_port port=$private_port
  ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$ver" ] || die "PostgreSQL is installed but no server version is under /usr/lib/postgresql"
  if ! pg_lsclusters --no-header | awk -v v="$ver" -v c="$cluster" '$1 == v && $2 == c' | grep -q .; then
    say "creating cluster $ver/$cluster on port $port"
    pg_createcluster "$ver" "$cluster" -p "$port" >&2
  fi
}

running() { pg_ctlcluster "$ver" "$cluster" status >/dev/null 2>&1; }
ready() { pg_isready -q -h 127.0.0.1 -p "$port"; }
# Superuser SQL over the Unix socket (peer authentication as the postgres OS user).
as_postgres() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"; }
show_log() { tail -n 20 "/var/log/postgresql/postgresql-$ver-$cluster.log" >&2 2>/dev/null || true; }

# With must_restart=yes in the environment (the restart verb), a running cluster is restarted even when its settings stand.
start() {
  ensure_command pg_ctlcluster postgresql
  find_cluster

  # Loopback only: the Debian default 'localhost' also means ::1. A drop-in file (Debian's postgresql.conf
  # includes conf.d/) leaves the distribution's file alone; a changed setting needs a restart.
  local dropin="/etc/postgresql/$ver/$cluster/conf.d/smsvending.conf" must_restart=${must_restart:-no}
  local want="# Written by SmsVending ops/postgres.sh: the tests' server listens on loopback only.
listen_addresses = '127.0.0.1'
# Test runs share it: distributed systems' service pools (up to 60 connections each) beside other test projects' pools.
max_connections = 300"
  if [ "$(cat "$dropin" 2>/dev/null || true)" != "$want" ]; then
    printf '%s\n' "$want" >"$dropin"
    chown postgres:postgres "$dropin"
    must_restart=yes
  fi

  if running && [ "$must_restart" = yes ]; then
    say "restarting cluster $ver/$cluster"
    pg_ctlcluster "$ver" "$cluster" restart >&2 || { show_log; die "could not restart cluster $ver/$cluster"; }
  elif running; then
    say "cluster $ver/$cluster already running on port $port"
  else
    say "starting cluster $ver/$cluster on port $port"
    pg_ctlcluster "$ver" "$cluster" start >&2 || { show_log; die "could not start cluster $ver/$cluster"; }
  fi
  wait_until 60 "PostgreSQL on 127.0.0.1:$port" ready || { show_log; die "PostgreSQL does not accept connections"; }
  local listen
  listen=$(as_postgres -At -c 'SHOW listen_addresses')
  [ "$listen" = 127.0.0.1 ] || die "listen_addresses is '$listen', not 127.0.0.1 (is conf.d/ included by postgresql.conf?)"

  # Re-applying the role's attributes and password each time repairs a role someone changed by hand.
  as_postgres <<SQL || die "could not create role $role or database $database"
SELECT format('CREATE ROLE %I', '$role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \gexec
ALTER ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
-- Dropping a test database WITH (FORCE) may have to end an autovacuum worker on it, which runs as a superuser.
GRANT pg_signal_backend TO $role;
SELECT format('CREATE DATABASE %I OWNER %I', '$database', '$role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database') \gexec
ALTER DATABASE $database OWNER TO $role;
SQL
  # The tests log in by password over TCP, so prove exactly that (pg_hba.conf must allow it).
  PGPASSWORD=$password psql -X -q -h 127.0.0.1 -p "$port" -U "$role" -d "$database" -c 'select 1' >/dev/null </dev/null ||
    die "role $role cannot log in to $database over 127.0.0.1:$port (check pg_hba.conf)"

  echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$database"
}

stop() {
  command -v pg_ctlcluster >/dev/null 2>&1 || { say "PostgreSQL is not installed"; return 0; }
  find_cluster
  if running; then
    say "stopping cluster $ver/$cluster"
    pg_ctlcluster "$ver" "$cluster" stop >&2 || die "could not stop cluster $ver/$cluster"
  else
    say "cluster $ver/$cluster is not running"
  fi
}

# Stops and starts the cluster in one step, the shortest outage this script makes (the chaos tests' restart); started if
# stopped. Prints the connection string, as start does.
restart() { must_restart=yes start; }

# Exit status as for an init script: 0 running and accepting connections, 3 not.
status() {
  command -v pg_ctlcluster >/dev/null 2>&1 || { say "PostgreSQL is not installed"; exit 3; }
  find_cluster
  if running && ready; then
    say "cluster $ver/$cluster is running and accepts connections on 127.0.0.1:$port"
  else
    say "cluster $ver/$cluster is not running"
    exit 3
  fi
}

case "${1:-}" in
  start | stop | restart | status) "$1" ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
