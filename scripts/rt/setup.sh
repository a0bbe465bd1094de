#!/usr/bin/env bash
# Installs Request Tracker 5 from Debian, configures it for SQLite on 127.0.0.1 and starts the
# standalone server in the background. Idempotent: every step is skipped when already done, so CI and
# the RT E2E tests (test/e2e/support/rt.ts) can call it unconditionally. Needs root (apt, /etc). Seed data: scripts/rt/seed.ts.
#
#   RT_PORT      port for rt-server            (default 8085)
#   RT_DATA_DIR  SQLite database, pid and logs (default /var/lib/sla-lens-rt)
#   RT_TIMEZONE  RT's display zone; the RT adapter's site setting must use the same (default UTC)
set -euo pipefail

PORT="${RT_PORT:-8085}"
DATA_DIR="${RT_DATA_DIR:-/var/lib/sla-lens-rt}"
TZ_NAME="${RT_TIMEZONE:-UTC}"
BASE_URL="http://127.0.0.1:${PORT}"
SITE_CONFIG=/etc/request-tracker5/RT_SiteConfig.d/90-sla-lens.pm
PID_FILE="${DATA_DIR}/rt-server.pid"
LOG_FILE="${DATA_DIR}/rt-server.log"

step() { printf '[rt-setup %ss] %s\n' "$SECONDS" "$*"; }

if [ "$(id -u)" != 0 ]; then echo "scripts/rt/setup.sh must run as root (apt-get, /etc)" >&2; exit 1; fi

install_packages() {
  local installed
  installed=$(dpkg-query -W -f='${Status}\n' request-tracker5 rt5-db-sqlite rt5-standalone 2>/dev/null \
    | grep -c 'install ok installed' || true)
  if [ "$installed" != 3 ]; then
    step "preseeding debconf"
    debconf-set-selections <<SEL
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/rtname string sla-lens-test
request-tracker5 request-tracker5/organization string sla-lens.test
request-tracker5 request-tracker5/webbaseurl string ${BASE_URL}
SEL
    # Package lists older than a day make apt fetch versions the mirror no longer has.
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_InRelease' -mmin -1440 2>/dev/null)" ]; then
      step "apt-get update (lists are old)"
      apt-get update -q
    fi
    step "installing request-tracker5"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      request-tracker5 rt5-db-sqlite rt5-standalone dbconfig-no-thanks
  else
    step "request-tracker5 already installed"
  fi
}

write_site_config() {
  mkdir -p "$DATA_DIR"
  # RT's web UI runs as root under rt-server here, but keep the directory writable for www-data too
  # (SQLite needs to create its journal next to the database file).
  chown www-data:www-data "$DATA_DIR" 2>/dev/null || true
  local config
  config=$(cat <<PERL
# Written by SLA Lens scripts/rt/setup.sh: a local RT for end-to-end tests.
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '${DATA_DIR}/rt5.db');
Set(\$WebPath, '');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, ${PORT});
Set(\$WebBaseURL, '${BASE_URL}');
Set(\$Timezone, '${TZ_NAME}');
Set(\$MailCommand, 'mbox');
Set(\$LogToSTDERR, 'warning');
# Labels for the numeric priorities the seed uses (RT 5: one hash per queue, or Default).
Set(%PriorityAsString, Default => { Low => 0, Medium => 50, High => 75, Urgent => 100 });
PERL
)
  if [ -f "$SITE_CONFIG" ] && [ "$(cat "$SITE_CONFIG")" = "$config" ]; then
    step "site config unchanged"
    return
  fi
  step "writing ${SITE_CONFIG}"
  printf '%s\n' "$config" >"$SITE_CONFIG"
  chmod 0640 "$SITE_CONFIG"
  chgrp www-data "$SITE_CONFIG" 2>/dev/null || true
  CONFIG_CHANGED=1
}

init_database() {
  if [ -s "${DATA_DIR}/rt5.db" ]; then
    step "database exists (${DATA_DIR}/rt5.db)"
    return
  fi
  step "initialising database"
  rt-setup-database-5 --action init --skip-create --dba-password '' </dev/null
  chown www-data:www-data "${DATA_DIR}/rt5.db" 2>/dev/null || true
}

answers() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${BASE_URL}/NoAuth/Login.html" 2>/dev/null | grep -q '^200$'; }

start_server() {
  # RT reads its config once at start: a running server with an older config must restart.
  if [ "${CONFIG_CHANGED:-0}" = 1 ]; then "$(dirname "$0")/stop.sh"; fi
  if answers; then
    step "rt-server already answers on ${BASE_URL}"
    return
  fi
  if [ -s "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    step "rt-server (pid $(cat "$PID_FILE")) is starting"
  else
    step "starting rt-server on ${BASE_URL}"
    # setsid: the server outlives this script and the CI step that ran it.
    setsid /usr/share/request-tracker5/libexec/rt-server --host 127.0.0.1 --port "$PORT" \
      >>"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
  fi
  for _ in $(seq 1 120); do
    if answers; then step "rt-server answers on ${BASE_URL}"; return; fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      echo "rt-server exited; last log lines:" >&2; tail -n 30 "$LOG_FILE" >&2; exit 1
    fi
    sleep 1
  done
  echo "rt-server did not answer within 120 s; see $LOG_FILE" >&2
  exit 1
}

install_packages
write_site_config
init_database
start_server
step "done: ${BASE_URL} (root / password), zone ${TZ_NAME}"
