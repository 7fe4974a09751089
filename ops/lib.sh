#!/usr/bin/env bash
# Shared by the ops/ scripts (sourced, not run): messages, a bounded wait, and
# installing a Debian package only when its command is missing.

# The server tools live in /usr/sbin, which a non-login or CI shell may leave off PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
# apt and dpkg must never ask: CI has no standard input.
export DEBIAN_FRONTEND=noninteractive

# Progress goes to stderr so that stdout carries only the connection string a caller may capture.
say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { say "error: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (it installs and starts system services)"

# wait_until SECONDS WHAT COMMAND...: polls COMMAND once a second; fails after SECONDS.
wait_until() {
  local limit=$1 what=$2 start=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ $((SECONDS - start)) -lt "$limit" ] || { say "$what: not ready after ${limit}s"; return 1; }
    sleep 1
  done
}

# apt-get update costs ~10 s, so it runs at most once however many scripts install something: a stamp
# newer than 30 minutes means the package lists are fresh (ops/test.sh runs both scripts back to back).
apt_stamp=/var/cache/apt/smsvending-ops-update.stamp
apt_update() {
  if [ "${1:-}" != force ] && [ -n "$(find "$apt_stamp" -mmin -30 2>/dev/null)" ]; then return 0; fi
  say "apt-get update"
  apt-get -o DPkg::Lock::Timeout=300 update -qq </dev/null >&2 || die "apt-get update failed"
  touch "$apt_stamp"
}

# ensure_command COMMAND PACKAGE...: installs PACKAGE... unless COMMAND is already on PATH.
ensure_command() { local cmd=$1; shift; ensure_installed "no $cmd on this machine" "command -v $cmd" "$@"; }

# ensure_python_module MODULE PACKAGE...: installs PACKAGE... unless python3 can import MODULE.
ensure_python_module() { local module=$1; shift; ensure_installed "python3 cannot import $module" "python3 -c 'import $module'" "$@"; }

# ensure_installed MISSING CHECK PACKAGE...: installs PACKAGE... unless the shell command CHECK succeeds (MISSING says what is not).
ensure_installed() {
  local missing=$1 check=$2
  shift 2
  eval "$check" >/dev/null 2>&1 && return 0
  say "installing $* ($missing)"
  install_packages "$@"
  eval "$check" >/dev/null 2>&1 || die "installed $* but still $missing"
}

# install_packages PACKAGE...: apt-get install, quietly, showing the log only when it fails.
install_packages() {
  local log
  log=$(mktemp)
  apt_update
  local install=(apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@")
  # A failure right after a skipped update may be stale lists: refresh them once and retry.
  if ! "${install[@]}" </dev/null >"$log" 2>&1; then
    apt_update force
    "${install[@]}" </dev/null >"$log" 2>&1 || { tail -n 30 "$log" >&2; rm -f "$log"; die "apt-get install $* failed"; }
  fi
  rm -f "$log"
}
