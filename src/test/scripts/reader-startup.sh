#!/bin/sh
# Time to first screen of a terminal program, from process start: starts COMMAND in a detached
# 80x24 tmux pane and polls `tmux capture-pane` every 20 ms until PATTERN is on screen; then
# reads the CPU time (user + system) the pane's processes had used when PATTERN appeared and the
# peak RSS (VmHWM) of the pane's process (or its child), sends QUIT_KEY and waits (up to 2
# minutes) for the program to exit. CPU time is what a loaded machine does not inflate.
#   src/test/scripts/reader-startup.sh RUNS PATTERN QUIT_KEY COMMAND...
# e.g. reader-startup.sh 5 'Site ' q bin/tidings --db /tmp/reader.db
#      reader-startup.sh 2 'Site ' q newsboat -u urls -c cache.db
set -eu
# CPU ticks (user + system, /proc/PID/stat fields 14 and 15) of a process and its descendants.
cpu_ticks() {
    total=0
    for pid in $1 $(pgrep -P "$1" || true); do
        [ "$pid" = "$1" ] || { total=$((total + $(cpu_ticks "$pid"))); continue; }
        t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
        total=$((total + t))
    done
    echo "$total"
}
hz=$(getconf CLK_TCK)
runs=$1 pattern=$2 quit=$3
shift 3
for run in $(seq 1 "$runs"); do
    session="startup$$-$run"
    start=$(date +%s%N)
    tmux new-session -d -s "$session" -x 80 -y 24 "$*; sleep 1"
    while ! tmux capture-pane -p -t "$session" 2>/dev/null | grep -q -- "$pattern"; do
        if ! tmux has-session -t "$session" 2>/dev/null; then
            echo "run $run: the program ended before showing '$pattern'" >&2
            exit 1
        fi
        sleep 0.02
    done
    end=$(date +%s%N)
    pane=$(tmux display -p -t "$session" '#{pane_pid}')
    ticks=$(cpu_ticks "$pane")
    sleep 1
    hwm=""
    for pid in $pane $(pgrep -P "$pane" || true); do
        h=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        if [ -n "$h" ] && { [ -z "$hwm" ] || [ "$h" -gt "$hwm" ]; }; then hwm=$h; fi
    done
    tmux send-keys -t "$session" "$quit"
    # let it exit on its own (newsboat writes its cache and removes its lock file on the way out)
    for _ in $(seq 1 600); do
        tmux has-session -t "$session" 2>/dev/null || break
        sleep 0.2
    done
    tmux kill-session -t "$session" 2>/dev/null || true
    load=$(cut -d ' ' -f 1 /proc/loadavg)
    awk -v ns=$((end - start)) -v kb="${hwm:-0}" -v cpu="$ticks" -v hz="$hz" -v load="$load" \
        'BEGIN { printf "run %d: first screen %.2f s, CPU %.2f s, peak RSS %.0f MB, load %s\n", '"$run"', ns / 1e9, cpu / hz, kb / 1024, load }'
done
