#!/usr/bin/env bash
# The loopback demo: the PBX emulator (osv-example's simulated OpenScape Voice on real sockets, free ports) and the
# Concierge server against it, in development mode on a fresh database in a temp folder. Ctrl-C (or SIGTERM) stops both.
#   ./run-server.sh demo                       HTTP on 127.0.0.1:8080
#   ./run-server.sh demo --http-listen 127.0.0.1:9090    further arguments go to the server
# It prints how to log on an attendant with curl and place a call with SIPp.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

demo="$(mktemp -d /tmp/concierge-demo.XXXXXX)"
emulator_pid=""
stop() {
  if [ -n "$emulator_pid" ]; then kill -TERM "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$demo"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

http="127.0.0.1:8080"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--http-listen" ] && [ $((i + 1)) -lt ${#args[@]} ]; then http="${args[$((i + 1))]}"; fi
done

echo "== building the PBX emulator and the server (Release) …"
dotnet build simulators/Concierge.Scenarios/Concierge.Scenarios.csproj -c Release -o out/sim -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
dotnet build src/Concierge.Server/Concierge.Server.csproj -c Release -o out/server -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2

dotnet out/sim/concierge-sim.dll pbx --topology osv-example --listen 127.0.0.1 --free-ports --ports-file "$demo/ports" >"$demo/pbx.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 300); do
  [ -s "$demo/ports" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$demo/pbx.log" >&2; echo "demo: the PBX emulator did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$demo/ports" ] || { cat "$demo/pbx.log" >&2; echo "demo: the PBX emulator did not report its ports within 30 s" >&2; exit 1; }
sip="$(sed -n 's/^sip=//p' "$demo/ports")"
csta="$(sed -n 's/^csta=//p' "$demo/ports")"
trunk="$(sed -n 's/^trunk=//p' "$demo/ports")"

cat <<TEXT
== PBX emulator (osv-example): registrar and phones SIP $sip, CSTA $csta, public trunk $trunk
   Its phones are simulated (attendants +4950505807580 … 7583 answer pushed calls by themselves); main pilot +4950505803201.
== the server starts below with --dev: it prints the development account DEFAULT\\dev and its password once.
   In another shell, with that password in PW:
     base=http://$http
     TOKEN=\$(curl -s -X POST \$base/api/logon -H 'Content-Type: application/json' \\
       -d "{\"account\":\"DEFAULT\\\\\\\\dev\",\"password\":\"\$PW\"}" | sed -E 's/.*"token":"([^"]+)".*/\\1/')
     curl -s -X POST \$base/api/attendants/+4950505807580/logon -H "Authorization: Bearer \$TOKEN" \\
       -H 'Content-Type: application/json' -d '{"available":true}'
     sipp -sf deploy/sipp/caller.xml $trunk -s 4950505803201 -m 1 -bg   # a caller on the public trunk
     curl -s \$base/api/calls -H "Authorization: Bearer \$TOKEN"          # pushed to 7580: Connected, attendant +4950505807580
     curl -s -X POST \$base/api/attendants/+4950505807580/release -H "Authorization: Bearer \$TOKEN" \\
       -H 'Content-Type: application/json' -d '{}'                        # the attendant ends the call
     curl -s \$base/api/call-records -H "Authorization: Bearer \$TOKEN"   # its record: answered by +4950505807580
   Ctrl-C stops the server and the emulator.
TEXT

out/server/concierge-server --dev --db "$demo/concierge.db" --topology scenarios/topologies/osv-example.yaml \
  --directory scenarios/directory/osv-example.csv \
  --registrar "$sip" --csta "$csta" --sip-listen 127.0.0.1:0 --http-listen "$http" "$@" &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null || true' INT TERM
status=0
wait "$server_pid" || status=$?
# A signal interrupts the first wait: wait again for the server's orderly stop.
if kill -0 "$server_pid" 2>/dev/null; then wait "$server_pid" || status=$?; fi
exit "$status"
