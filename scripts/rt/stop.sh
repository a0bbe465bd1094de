#!/usr/bin/env bash
# Stops the rt-server started by scripts/rt/setup.sh (its pid file; the database is kept).
set -euo pipefail
DATA_DIR="${RT_DATA_DIR:-/var/lib/sla-lens-rt}"
PID_FILE="${DATA_DIR}/rt-server.pid"
if [ ! -s "$PID_FILE" ] || ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "rt-server is not running"; rm -f "$PID_FILE"; exit 0
fi
pid="$(cat "$PID_FILE")"
# setup.sh starts it with setsid, so the pid leads its own process group (workers included).
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
rm -f "$PID_FILE"
echo "rt-server (pid $pid) stopped"
