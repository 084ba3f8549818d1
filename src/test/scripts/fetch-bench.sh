#!/usr/bin/env bash
# Fetch-only benchmark: tidings' HttpFetcher against newsboat on the same loopback feeds.
# Usage: src/test/scripts/fetch-bench.sh [FEEDS ITEMS HOSTS LATENCY_MS CONCURRENCY PER_HOST]
# Needs: /usr/bin/time, curl, optionally newsboat (NEWSBOAT=0 skips it). Builds the shaded jar.
set -euo pipefail
cd "$(dirname "$0")/../../.."
feeds=${1:-1000} items=${2:-50} hosts=${3:-16} latency=${4:-100} conc=${5:-32} perhost=${6:-4}
out=bench-out/fetch; rm -rf "$out"; mkdir -p "$out"
mvn -B -q -o package -DskipTests >/dev/null
cp="target/test-classes:target/tidings.jar"

java -cp "$cp" org.tidings.testing.FeedServer "$feeds" "$items" "$hosts" "$latency" "$out/urls" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -f "$out/urls" ] && break; sleep 0.1; done

stats_url="$(head -1 "$out/urls" | sed -E 's#^(http://[^/]+)/.*#\1/stats#')"
stats() { echo "server: $(curl -s --noproxy '*' "$stats_url")"; }
# warm up the server's JIT so that whoever runs first is not penalised
java -cp "$cp" org.tidings.bench.FetchBench "$out/urls" "$conc" "$perhost" >/dev/null 2>&1
curl -s --noproxy '*' "$stats_url" >/dev/null

echo "== tidings HttpFetcher (fetch only): $feeds feeds x $items items, $hosts hosts, ${latency} ms, concurrency $conc, per host $perhost"
/usr/bin/time -f "process: wall %e s, user %U s, sys %S s, max RSS %M KB" \
    java -cp "$cp" org.tidings.bench.FetchBench "$out/urls" "$conc" "$perhost"
stats

if [ "${NEWSBOAT:-1}" = 1 ] && command -v newsboat >/dev/null; then
    printf 'reload-threads %s\n' "$conc" >"$out/newsboat.conf"
    for run in cold warm; do
        echo "== newsboat $(newsboat --version | head -1 | cut -d' ' -f2) -x reload ($run, reload-threads $conc; fetch + parse + store)"
        /usr/bin/time -f "process: wall %e s, user %U s, sys %S s, max RSS %M KB" \
            newsboat -u "$out/urls" -c "$out/newsboat.db" -C "$out/newsboat.conf" -x reload
        stats
    done
    echo "newsboat items stored: $(sqlite3 "$out/newsboat.db" 'select count(*) from rss_item')"
fi
