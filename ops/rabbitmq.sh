#!/usr/bin/env bash
# ops/rabbitmq.sh start|stop|restart|status|vhost NAME|delete-vhost NAME|queues NAME: the RabbitMQ the tests use, on 127.0.0.1 only.
# start installs the Debian package if missing, starts the node (or reuses a running one), makes sure the
# user smsvending/smsvending (administrator, all permissions on vhost /) exists, and prints the AMQP URL
# on stdout. Safe to run any number of times. Needs root; no systemd needed (Debian's rabbitmq* commands
# switch to the rabbitmq user themselves). vhost NAME creates a virtual host (if missing) the user may use fully;
# delete-vhost NAME deletes one with everything in it; queues NAME lists its queues (ready, unacknowledged, consumers).
# SMSVENDING_RABBITMQ_PORT=N selects a private node smsvendingN@localhost on port N (its own data and log), e.g.
# for the chaos tests, which restart their broker without disturbing anyone else's.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

readonly user=smsvending password=smsvending port=${SMSVENDING_RABBITMQ_PORT:-5672}
[[ $port =~ ^[1-9][0-9]{3,4}$ ]] || die "SMSVENDING_RABBITMQ_PORT must be a port number, not '$port'"
if [ "$port" = 5672 ]; then
  readonly node=rabbit@localhost env_conf=/etc/rabbitmq/rabbitmq-env.conf dist_port=""
else
  # The distribution port follows the AMQP port (default 25672 for 5672), so it must be given apart from the default node's.
  readonly node=smsvending$port@localhost env_conf=/etc/rabbitmq/rabbitmq-env-$port.conf dist_port="DIST_PORT=$((port + 20000))
"
  # Every rabbitmq* command below reads this node's settings instead of the default file.
  export RABBITMQ_CONF_ENV_FILE=$env_conf
fi
# Read by the server and by every rabbitmq* command, so both agree on the node. A fixed node name on
# "localhost" avoids depending on how the machine's hostname resolves; the AMQP listener, epmd and the
# Erlang distribution ports (server's 25672, the CLI's 35672-35682) all bind loopback only.
readonly env_text='# Written by SmsVending ops/rabbitmq.sh: the tests'"'"' broker, on loopback only.
NODENAME='"$node"'
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT='"$port"'
'"${dist_port}"'ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"'

ctl() { rabbitmqctl -q "$@" </dev/null; }
installed() { command -v rabbitmqctl >/dev/null 2>&1; }
# "running" means the rabbit application is up, not just the Erlang VM.
running() { installed && rabbitmq-diagnostics -q check_running </dev/null >/dev/null 2>&1; }
show_log() { tail -n 30 "/var/log/rabbitmq/$node.log" >&2 2>/dev/null || true; }

shutdown_node() {
  # shutdown waits until the Erlang VM has exited, so the ports are free for a following start.
  ctl shutdown >&2 || die "could not stop RabbitMQ"
}

start() {
  # The file must be in place before the package's install script may start the service (it does when
  # no policy-rc.d forbids it), and a node started under other settings is stopped before they change.
  if [ "$(cat "$env_conf" 2>/dev/null || true)" != "$env_text" ]; then
    if running; then
      say "stopping RabbitMQ to apply the loopback-only settings in $env_conf"
      shutdown_node
    fi
    mkdir -p "$(dirname "$env_conf")"
    printf '%s\n' "$env_text" >"$env_conf"
  fi
  ensure_command rabbitmqctl rabbitmq-server

  if running; then
    say "RabbitMQ already running"
  else
    say "starting RabbitMQ on 127.0.0.1:$port"
    local out
    out=$(rabbitmq-server -detached </dev/null 2>&1) || { printf '%s\n' "$out" >&2; die "rabbitmq-server -detached failed"; }
    # await_startup needs the VM to be reachable; until it is, it fails at once, so poll it.
    wait_until 180 "RabbitMQ" ctl await_startup --timeout 10 || { show_log; die "RabbitMQ did not start"; }
  fi

  if ! ctl list_users --no-table-headers | awk '{print $1}' | grep -qx "$user"; then
    ctl add_user "$user" "$password" >&2
  elif ! ctl authenticate_user "$user" "$password" >/dev/null 2>&1; then
    ctl change_password "$user" "$password" >&2
  fi
  ctl set_user_tags "$user" administrator >&2
  ctl set_permissions -p / "$user" '.*' '.*' '.*' >&2

  echo "amqp://$user:$password@127.0.0.1:$port/"
}

stop() {
  installed || { say "RabbitMQ is not installed"; return 0; }
  if rabbitmq-diagnostics -q ping </dev/null >/dev/null 2>&1; then
    say "stopping RabbitMQ"
    shutdown_node
  else
    say "RabbitMQ is not running"
  fi
}

# Exit status as for an init script: 0 running, 3 not.
status() {
  installed || { say "RabbitMQ is not installed"; exit 3; }
  if running; then
    say "RabbitMQ is running on 127.0.0.1:$port"
  else
    say "RabbitMQ is not running"
    exit 3
  fi
}

vhost() {
  running || die "RabbitMQ is not running (ops/rabbitmq.sh start)"
  ctl list_vhosts --no-table-headers | grep -qx "$1" || ctl add_vhost "$1" >&2
  ctl set_permissions -p "$1" "$user" '.*' '.*' '.*' >&2
}

delete_vhost() {
  running || { say "RabbitMQ is not running"; return 0; }
  ! ctl list_vhosts --no-table-headers | grep -qx "$1" || ctl delete_vhost "$1" >&2
}

queues() {
  running || die "RabbitMQ is not running"
  ctl list_queues -p "$1" name messages_ready messages_unacknowledged consumers
}

# Stop and start in one run of this script (the chaos tests' restart): no second script start-up inside the outage. Prints
# the AMQP URL, as start does.
restart() {
  stop
  start
}

case "${1:-}" in
  start | stop | restart | status) "$1" ;;
  queues) [ -n "${2:-}" ] || die "usage: $0 queues NAME"; queues "$2" ;;
  vhost) [ -n "${2:-}" ] || die "usage: $0 vhost NAME"; vhost "$2" ;;
  delete-vhost) [ -n "${2:-}" ] || die "usage: $0 delete-vhost NAME"; delete_vhost "$2" ;;
  *) echo "usage: $0 start|stop|restart|status|vhost NAME|delete-vhost NAME|queues NAME" >&2; exit 2 ;;
esac
