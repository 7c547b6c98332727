#!/usr/bin/env bash
# A private, throwaway PostgreSQL for tests and local development.
#
#   build/pg.sh install              install the server binaries if missing
#   build/pg.sh start <dir> <port>   initdb <dir>/data (if new) and start a server on 127.0.0.1:<port>
#   build/pg.sh stop  <dir>          stop it (the directory stays; remove it yourself)
#   build/pg.sh url   <dir> <port>   print the connection string
#   build/pg.sh port  <lo> <hi>      print a loopback port in lo..hi that nothing listens on now
#   build/pg.sh warm-wal <port> <mb> create <mb> of WAL segment files ahead of the server's write position
#
# Installs Debian's `postgresql` package when no server binaries are present. PostgreSQL refuses to run as
# root, so the cluster belongs to the `postgres` user: <dir> must be reachable by that user (e.g. under /tmp).
# Authentication is `trust` and the server only listens on 127.0.0.1 and a Unix socket in <dir>.
# fsync stays on: commits are real, as in production. INVENTORY_PG_SERVER_OPTIONS adds server options at start
# (e.g. "-c log_autovacuum_min_duration=0", which build/bench.sh sets to print the server's background work).
set -euo pipefail

usage() { echo "usage: $0 install | start <dir> <port> | stop <dir> | url <dir> <port> | port <lo> <hi> | warm-wal <port> <mb>" >&2; exit 2; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres -- "$@"; fi; }

pg_bin() {
    local initdb
    initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $initdb ]] && dirname "$initdb"
}

ensure_installed() {
    if [[ -n $(pg_bin) ]]; then
        return
    fi
    echo "pg.sh: installing PostgreSQL (Debian package 'postgresql')" >&2
    as_root apt-get update -qq
    # No default cluster: we only want the binaries, not a server of the distribution's own on port 5432.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-common >/dev/null
    if [[ -f /etc/postgresql-common/createcluster.conf ]] \
        && ! grep -q '^create_main_cluster *= *false' /etc/postgresql-common/createcluster.conf; then
        echo 'create_main_cluster = false' | as_root tee -a /etc/postgresql-common/createcluster.conf >/dev/null
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    [[ -n $(pg_bin) ]] || { echo "pg.sh: no initdb found after installing postgresql" >&2; exit 1; }
}

url() { echo "Host=127.0.0.1;Port=$2;Username=postgres;Database=postgres"; }

start() {
    local dir=$1 port=$2 bin
    ensure_installed
    bin=$(pg_bin)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    as_root chown postgres: "$dir"
    as_root chmod 700 "$dir"
    if [[ ! -f $dir/data/PG_VERSION ]]; then
        as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on ${INVENTORY_PG_SERVER_OPTIONS:-}" start >/dev/null; then
        echo "pg.sh: PostgreSQL did not start on port $port; its log:" >&2
        tail -n 20 "$dir/server.log" >&2 || true
        exit 1
    fi
    for _ in $(seq 1 60); do
        if as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
            echo "pg.sh: PostgreSQL $(basename "$(dirname "$bin")") ready on 127.0.0.1:$port (data in $dir/data)" >&2
            return
        fi
        sleep 0.5
    done
    echo "pg.sh: PostgreSQL on port $port is not ready after 30 s" >&2
    exit 1
}

stop() {
    local dir=$1 bin
    bin=$(pg_bin)
    if [[ -n $bin && -f $dir/data/postmaster.pid ]]; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
    fi
}

# A new server has no WAL segment files to reuse: until its first checkpoint completes, each new 16 MB segment is
# created and zero-filled by whichever backend needs it, while holding the WAL write lock, so every commit waits for it
# (15-21 ms each, one every 3 s at 3,000 movements/s, and 60-140 ms under other heavy writes). A server
# that has run for a while recycles old segments at each checkpoint instead. warm-wal makes a new server look like
# that: it switches to a new segment <mb>/16 times, then checkpoints, which recycles them as future segments (as many
# as the server's min_wal_size lets it keep; max_wal_size caps it too).
warm_wal() {
    local port=$1 mb=$2 bin psql
    bin=$(pg_bin)
    psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1)
    "${psql[@]}" -c "CREATE TABLE wal_warm_up (x int)" \
        -c "DO \$\$ BEGIN FOR i IN 1..(($mb + 15) / 16) LOOP INSERT INTO wal_warm_up VALUES (i); PERFORM pg_switch_wal(); END LOOP; END \$\$" \
        -c "DROP TABLE wal_warm_up" -c "CHECKPOINT"
    echo "pg.sh: $("${psql[@]}" -A -t -c "SELECT count(*) FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}\$' AND name > pg_walfile_name(pg_current_wal_lsn())") WAL segments ready ahead on port $port" >&2
}

free_port() {
    local lo=$1 hi=$2 span port tries
    span=$((hi - lo + 1))
    port=$((lo + RANDOM % span))
    for ((tries = 0; tries < span; tries++)); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
        port=$((lo + (port - lo + 1) % span))
    done
    echo "pg.sh: no free port in $lo..$hi" >&2
    return 1
}

case "${1:-}" in
    install) [[ $# -eq 1 ]] || usage; ensure_installed ;;
    start) [[ $# -eq 3 ]] || usage; start "$2" "$3" ;;
    stop) [[ $# -eq 2 || $# -eq 3 ]] || usage; stop "$2" ;;
    url) [[ $# -eq 3 ]] || usage; url "$2" "$3" ;;
    port) [[ $# -eq 3 ]] || usage; free_port "$2" "$3" ;;
    warm-wal) [[ $# -eq 3 ]] || usage; warm_wal "$2" "$3" ;;
    *) usage ;;
esac
