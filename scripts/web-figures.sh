#!/usr/bin/env bash
# Measures the admin web and Open311 API on a local Release build: creates N reports through Open311 POST,
# signs in through the local chat's /web link, and prints the median of 5 requests per page and the memory used.
# Usage: scripts/web-figures.sh [reports=5000] [port=5077]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
PORT=${2:-5077}
B=http://127.0.0.1:$PORT
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

dotnet build src/VillageBot -c Release -v q -nologo >/dev/null
# Open311 is not rate-limited here: the script posts thousands of reports from one address.
start() {
  (cd src/VillageBot/bin/Release/net10.0 && exec env ASPNETCORE_URLS=$B Storage__DataDirectory=$WORK/data ${1:+Bot__AdminIds__0=$1} Open311__ApiKeys__0=k \
    RateLimits__Open311PerMinute=0 Web__PublicUrl=$B Logging__LogLevel__Default=Warning dotnet VillageBot.dll >"$WORK/log" 2>&1) &
  PID=$!
  for _ in $(seq 100); do curl -sf "$B/healthz" >/dev/null && break; sleep 0.2; done
}

# The local chat person is a signed cookie: learn which person this cookie jar is, then restart with it as the admin.
CHAT=$WORK/chat
start
ADMIN=$(curl -s -c "$CHAT" -b "$CHAT" -H 'Content-Type: application/json' -d '{"text":"/whoami","lang":"en"}' "$B/chat/api/send" | grep -o '[0-9]\+')
kill $PID; wait $PID 2>/dev/null || true
start "$ADMIN"

python3 - "$B" "$N" <<'PY'
import http.client, urllib.parse, random, sys, time
base, n = sys.argv[1], int(sys.argv[2])
host, port = base.split("//")[1].split(":")
random.seed(1)
cats = ["transport", "digital", "services", "community", "governance", "economy", "energy", "environment", "safety"]
c = http.client.HTTPConnection(host, int(port))
t = time.time()
for i in range(n):
    body = urllib.parse.urlencode({"api_key": "k", "service_code": random.choice(cats), "lat": str(56.5 + random.random()),
                                   "long": str(25.5 + random.random()), "description": "Report %d about a problem in the village" % i})
    c.request("POST", "/open311/v2/requests.json", body, {"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse(); r.read()
    assert r.status == 200, r.status
print("Open311 POST: %d reports in %.1f s (%.1f ms each)" % (n, time.time() - t, (time.time() - t) * 1000 / n))
PY

JAR=$WORK/jar
curl -s -b "$CHAT" -H 'Content-Type: application/json' -d '{"text":"/web","lang":"en"}' "$B/chat/api/send" >/dev/null
for _ in $(seq 50); do
  LINK=$(curl -s -b "$CHAT" "$B/chat/api/messages?since=0" | grep -o "$B/web/login?t=[A-Za-z0-9_-]*&lang=[a-z]*" | head -1 || true)
  [ -n "$LINK" ] && break; sleep 0.1
done
AF=$(curl -s -c "$JAR" -b "$JAR" -H 'Accept: text/html' "$LINK" | grep -o 'name="_af" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" -H 'Accept: text/html' --data-urlencode "_af=$AF" --data-urlencode "t=$(echo "$LINK" | sed 's/.*t=//;s/&.*//')" "$B/web/login"

for u in /web/reports "/web/reports?category=energy&cmin=50" /web/review /web/pulse "/web/pulse?period=week" /web/reports.csv \
         /open311/v2/requests.json /open311/v2/requests.xml; do
  times=$(for _ in 1 2 3 4 5; do curl -s -o "$WORK/body" -b "$JAR" -H 'Accept: text/html' -w '%{http_code} %{time_total}\n' "$B$u"; done)
  code=$(echo "$times" | tail -1 | cut -d' ' -f1)
  median=$(echo "$times" | cut -d' ' -f2 | sort -n | sed -n 3p)
  printf '%-40s %s  median %4d ms  %8d bytes\n' "$u" "$code" "$(awk -v s="$median" 'BEGIN { printf "%d", s * 1000 }')" "$(stat -c %s "$WORK/body")"
done
printf 'Resident memory after the run: %d MB\n' $(( $(ps -o rss= -p "$PID") / 1024 ))
