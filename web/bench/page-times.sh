#!/usr/bin/env bash
# p50/p95 server time of the web pages: signs in, then requests each page N times (curl's time_total, loopback).
set -euo pipefail
WEB=${WEB:-http://127.0.0.1:8080}; KEY=$(cat "${KEY_FILE:-data/api-key}"); N=${N:-40}
jar=$(mktemp); trap 'rm -f $jar' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$WEB/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "key=$KEY" --data-urlencode "_csrf=$token" "$WEB/sign-in"
measure() {
  for i in $(seq 1 "$N"); do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$WEB$2"; done | sort -n |
    awk -v name="$1" '{t[NR]=$1} END {printf "%-10s p50 %6.1f ms  p95 %6.1f ms  (%d requests)\n", name, t[int(NR*0.5+0.5)]*1000, t[int(NR*0.95+0.5)]*1000, NR}'
}
measure library "/"
measure document "$DOC_PATH"
measure search "/search?q=retransmission%20timeout"
measure search2 "/search?q=%22add%20order%22"
