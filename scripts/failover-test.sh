#!/usr/bin/env bash
# The failover test (issue 17, "Beyond one server"), on this machine:
#   1. installs pg_auto_failover for PostgreSQL 15 if it is missing (Debian: postgresql-15-auto-failover,
#      pg-auto-failover-cli);
#   2. builds a pg_auto_failover formation on loopback in a temporary folder, run by the postgres user:
#      a monitor, a primary and a synchronous standby, and the database and role of the platform;
#   3. runs FailoverTest (./mvnw -B test -Dtest=FailoverTest), which starts the platform as a separate process
#      on the multi-host JDBC URL, uploads passes through the signed device API, kills the primary with SIGKILL
#      mid-upload and checks what survived;
#   4. stops what it started and removes the folder.
#
# Run as root from anywhere: scripts/failover-test.sh [extra Maven arguments, e.g. -o]
# Environment: SITEROLL_FAILOVER_BASE_PORT (default 56430: monitor, +1 first node, +2 second node),
#              SITEROLL_FAILOVER_KEEP=1 keeps the temporary folder (logs) after the run.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

if [ "$(id -u)" != 0 ]; then
  echo "failover-test: run as root (it installs packages and runs PostgreSQL as the postgres user)" >&2
  exit 2
fi

PG_BIN=/usr/lib/postgresql/15/bin
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
if ! installed postgresql-15-auto-failover || ! installed pg-auto-failover-cli; then
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy postgresql-15-auto-failover | grep -q "Candidate: [0-9]"; then
    apt-get update -q
  fi
  apt-get install -y -q postgresql-15-auto-failover pg-auto-failover-cli
fi
command -v pg_autoctl >/dev/null && [ -x "$PG_BIN/pg_ctl" ] || { echo "failover-test: pg_autoctl or PostgreSQL 15 missing" >&2; exit 2; }

BASE=${SITEROLL_FAILOVER_BASE_PORT:-56430}
MONITOR_PORT=$BASE
NODE_PORTS=($((BASE + 1)) $((BASE + 2)))
for port in "$MONITOR_PORT" "${NODE_PORTS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "failover-test: port $port is taken; set SITEROLL_FAILOVER_BASE_PORT to a free range" >&2
    exit 2
  fi
done

WORK=$(mktemp -d /tmp/siteroll-failover.XXXXXX)
chmod 755 "$WORK"
chown postgres: "$WORK"
echo "failover-test: formation in $WORK"

# As the postgres user, with a clean environment whose configuration and state stay in $WORK.
as_postgres=(runuser -u postgres -- env -i HOME="$WORK" PATH="$PG_BIN:/usr/bin:/bin" LANG=C.UTF-8
  XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" XDG_RUNTIME_DIR="$WORK/run")
autoctl() { "${as_postgres[@]}" pg_autoctl "$@"; }

# Starts "pg_autoctl run" for a node in its own session and records its process id: the test kills the primary's
# session and every process below it, and the teardown stops only what was started here.
run_node() {
  local name=$1
  "${as_postgres[@]}" bash -c "setsid pg_autoctl run --pgdata '$WORK/$name' >>'$WORK/$name.log' 2>&1 & echo \$! >'$WORK/$name.pid'"
}

stop_all() {
  local status=$?
  set +e
  for name in node1 node2 monitor; do
    [ -f "$WORK/$name.pid" ] || continue
    local keeper
    keeper=$(cat "$WORK/$name.pid")
    if kill -0 "$keeper" 2>/dev/null; then
      timeout 30 "${as_postgres[@]}" pg_autoctl stop --pgdata "$WORK/$name" >/dev/null 2>&1
      for _ in $(seq 1 30); do kill -0 "$keeper" 2>/dev/null || break; sleep 1; done
      kill -0 "$keeper" 2>/dev/null && kill -9 -- "-$keeper" 2>/dev/null
    fi
    # A postmaster of this formation left behind (its keeper killed by the test): recognised by its data folder.
    if [ -f "$WORK/$name/postmaster.pid" ]; then
      local postmaster
      postmaster=$(head -1 "$WORK/$name/postmaster.pid")
      if [ -n "$postmaster" ] && [ -r "/proc/$postmaster/cmdline" ] \
        && tr '\0' ' ' <"/proc/$postmaster/cmdline" | grep -q -- "-D $WORK/$name"; then
        kill -9 "$postmaster" 2>/dev/null
      fi
    fi
  done
  if [ "$status" != 0 ]; then
    # what the formation said before it failed: the logs go with the formation's folder
    for log in "$WORK"/*.log; do
      [ -f "$log" ] || continue
      echo "failover-test: --- last lines of $(basename "$log") ---"
      tail -n 20 "$log"
    done
    echo "failover-test: failed with status $status"
  fi
  if [ "${SITEROLL_FAILOVER_KEEP:-}" = 1 ]; then
    echo "failover-test: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  echo "failover-test: finished in $(($(date +%s) - started)) s"
  exit $status
}
trap stop_all EXIT

wait_for() {
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "failover-test: $what not reached within $seconds s" >&2
  return 1
}
sql() { # port, database, user, statement
  "$PG_BIN/psql" -X -q -A -t -h 127.0.0.1 -p "$1" -d "$2" -U "$3" -v ON_ERROR_STOP=1 -c "$4"
}
is_primary() { [ "$(sql "$1" siteroll postgres "select pg_is_in_recovery()")" = f ]; }
has_synchronous_standby() {
  [ "$(sql "$1" siteroll postgres "select count(*) from pg_stat_replication
    where state = 'streaming' and sync_state in ('sync', 'quorum')")" = 1 ]
}

echo "failover-test: monitor on 127.0.0.1:$MONITOR_PORT"
autoctl create monitor --pgdata "$WORK/monitor" --pgport "$MONITOR_PORT" --hostname 127.0.0.1 --auth trust --no-ssl \
  >"$WORK/monitor.create.log" 2>&1
autoctl config set --pgdata "$WORK/monitor" postgresql.listen_addresses 127.0.0.1 >/dev/null
run_node monitor
wait_for "the monitor" 60 sql "$MONITOR_PORT" pg_auto_failover autoctl_node "select 1"
MONITOR_URI="postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"

for i in 1 2; do
  port=${NODE_PORTS[$((i - 1))]}
  echo "failover-test: node$i on 127.0.0.1:$port"
  autoctl create postgres --pgdata "$WORK/node$i" --pgport "$port" --hostname 127.0.0.1 --listen 127.0.0.1 \
    --name "node$i" --dbname siteroll --monitor "$MONITOR_URI" --auth trust --no-ssl >"$WORK/node$i.create.log" 2>&1
  run_node "node$i"
  if [ "$i" = 1 ]; then
    wait_for "node1 as the primary" 90 is_primary "$port"
    sql "$port" siteroll postgres "create role siteroll login password 'siteroll'"
    sql "$port" siteroll postgres "alter database siteroll owner to siteroll"
  fi
done

# With two data nodes pg_auto_failover names the standby in synchronous_standby_names (number-sync-standbys 0 means:
# synchronous while the standby is healthy): a commit the platform acknowledges is on both servers.
PRIMARY_PORT=${NODE_PORTS[0]}
wait_for "a synchronous, streaming standby" 180 has_synchronous_standby "$PRIMARY_PORT"
autoctl show state --pgdata "$WORK/monitor"
echo "failover-test: synchronous_standby_names = $(sql "$PRIMARY_PORT" siteroll postgres "show synchronous_standby_names")"

export SITEROLL_FAILOVER_TESTS=required
export SITEROLL_FAILOVER_URL="jdbc:postgresql://127.0.0.1:${NODE_PORTS[0]},127.0.0.1:${NODE_PORTS[1]}/siteroll?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=5&tcpKeepAlive=true"
export SITEROLL_FAILOVER_USERNAME=siteroll
export SITEROLL_FAILOVER_PASSWORD=siteroll
export SITEROLL_FAILOVER_ADMIN=postgres
export SITEROLL_FAILOVER_NODES="127.0.0.1:${NODE_PORTS[0]}=$WORK/node1.pid,127.0.0.1:${NODE_PORTS[1]}=$WORK/node2.pid"
export SITEROLL_FAILOVER_MONITOR="jdbc:postgresql://127.0.0.1:$MONITOR_PORT/pg_auto_failover?user=autoctl_node"
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD

test_status=0
./mvnw -B test -Dtest=FailoverTest -Dsurefire.failIfNoSpecifiedTests=false "$@" || test_status=$?
report=target/surefire-reports/io.siteroll.attendance.FailoverTest-output.txt
if [ -f "$report" ]; then
  grep '^failover:' "$report" || true
fi
autoctl show state --pgdata "$WORK/monitor" || true
exit $test_status
