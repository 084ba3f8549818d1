#!/usr/bin/env bash
# End-to-end sync benchmark (issue 4): `tidings sync --all` (fetch + parse + store), cold into an
# empty database and then warm (every feed answers 304), against newsboat `-x reload` on the same
# loopback feeds, at each global concurrency of $CONCURRENCY (newsboat's reload-threads the same).
# Usage: src/test/scripts/sync-bench.sh [FEEDS ITEMS HOSTS LATENCY_MS]
#        CONCURRENCY="32 64" (default) PER_HOST=4 (default) NEWSBOAT=0 skips newsboat.
# Needs: /usr/bin/time (GNU), curl, newsboat (Debian package), sqlite3 (optional, for counts).
set -euo pipefail
cd "$(dirname "$0")/../../.."
feeds=${1:-1000} items=${2:-50} hosts=${3:-16} latency=${4:-100}
levels=${CONCURRENCY:-32 64} perhost=${PER_HOST:-4}
out=bench-out/sync; rm -rf "$out"; mkdir -p "$out"
mvn -B -q -o package -DskipTests >/dev/null
cp="target/test-classes:target/tidings.jar"
config="$out/none.toml" # empty: tidings' defaults, whatever this machine's config says
: >"$config"
export TIDINGS_FETCH_PER_HOST=$perhost

java -cp "$cp" org.tidings.testing.FeedServer "$feeds" "$items" "$hosts" "$latency" "$out/urls" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -f "$out/urls" ] && break; sleep 0.1; done
java -cp "$cp" org.tidings.bench.SyncBench opml "$out/urls" "$out/feeds.opml"

stats_url="$(head -1 "$out/urls" | sed -E 's#^(http://[^/]+)/.*#\1/stats#')"
stats() { echo "  server saw: $(curl -s --noproxy '*' "$stats_url")"; }
# One line from GNU time -v: wall, user + sys CPU, peak RSS.
timed() {
    local log=$1; shift
    local status=0
    /usr/bin/time -v -o "$log" "$@" || status=$?
    awk -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
        END { printf "  wall %.2f s, cpu %.2f s (user %.2f + sys %.2f), peak RSS %d MB\n", wall, user + sys, user, sys, rss / 1024 }' "$log"
    echo "  exit status $status"
}

# Warm up the server's JIT so that whoever runs first is not penalised.
java -cp "$cp" org.tidings.bench.FetchBench "$out/urls" 64 "$perhost" >/dev/null 2>&1
curl -s --noproxy '*' "$stats_url" >/dev/null

echo "== $feeds feeds x $items items, $hosts loopback hosts, ${latency} ms latency, per host $perhost"
echo "== $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
for conc in $levels; do
    db="$out/tidings-$conc.db"
    bin/tidings --db "$db" --config "$config" import "$out/feeds.opml" >/dev/null
    for run in cold warm; do
        echo "-- tidings sync --all ($run), fetch.concurrency $conc:" \
            "TIDINGS_FETCH_CONCURRENCY=$conc TIDINGS_FETCH_PER_HOST=$perhost bin/tidings --db DB sync --all"
        TIDINGS_FETCH_CONCURRENCY=$conc timed "$out/tidings-$conc-$run.time" \
            bin/tidings --db "$db" --config "$config" sync --all >"$out/tidings-$conc-$run.out" 2>"$out/tidings-$conc-$run.err"
        echo "  $(cat "$out/tidings-$conc-$run.out")"
        stats
    done
    if [ "${NEWSBOAT:-1}" = 1 ] && command -v newsboat >/dev/null; then
        printf 'reload-threads %s\n' "$conc" >"$out/newsboat-$conc.conf"
        for run in cold warm; do
            echo "-- newsboat $(newsboat --version | head -1 | cut -d' ' -f2) -x reload ($run), reload-threads $conc:" \
                "newsboat -u urls -c cache.db -C conf -x reload"
            timed "$out/newsboat-$conc-$run.time" \
                newsboat -u "$out/urls" -c "$out/newsboat-$conc.db" -C "$out/newsboat-$conc.conf" -x reload
            stats
        done
        if command -v sqlite3 >/dev/null; then
            echo "  newsboat items stored: $(sqlite3 "$out/newsboat-$conc.db" 'select count(*) from rss_item')"
        fi
    fi
done
