#!/usr/bin/env bash
# Load through a real proxy (issue 18, item 3): a benchmark, not a test (CI does not run it). On 127.0.0.1 it starts
# Kamailio (tests/interop/kamailio/kamailio.cfg), the Concierge server SIP only (--no-csta, the topology
# tests/interop/kamailio/kamailio-sip-only.yaml, registered at Kamailio), SIPp phones for 16 attendants (registered
# at Kamailio, logged on through the HTTP API, answering at once), a SIPp callee and a SIPp hunt group; then
#   1. rate: the highest sustained call rate with 0 failed calls, SIPp UAC -> Kamailio -> CPS queue -> attendant
#      phone (the phone hangs up after TALK_MS) and, in the same run, SIPp UAC -> Kamailio -> SIPp UAS; their ratio;
#      then INVITE -> 200 and 200 -> BYE p50/p99 of both at half the CPS's rate;
#   2. bad traffic: BAD_MESSAGES (10,000) malformed, truncated and out-of-dialog messages straight at the CPS
#      (tests/load/torture: written after RFC 4475's descriptions; tests/load/sipp: stray BYE, CANCEL and ACK and
#      in-dialog requests with a wrong CSeq; a sipsak OPTIONS flood) while valid calls go through Kamailio: each
#      message must get the answer RFC 3261 calls for or be dropped and counted, no call fails, no handler faults,
#      and memory returns to its level.
# Prints a summary at the end (also in <work folder>/summary.txt) and exits 1 when a check failed.
#   tests/load/sipp-cps.sh                     both parts
#   PHASES=bad tests/load/sipp-cps.sh          one part (rate | bad)
#   STEP_SECONDS=10 START_RATE=25 MAX_RATE=3200 TALK_MS=0 BAD_MESSAGES=10000 VALID_RATE=20 KAMAILIO_CHILDREN=4 KEEP=1
#   CPS_RATE_GIVEN=112 PHASES=rate tests/load/sipp-cps.sh   only the set-up times at half that rate (no search)
#   DB_FOLDER=/dev/shm                                      the server's SQLite database there (default: the work folder)
# Needs the .NET SDK and Debian's kamailio, sip-tester and sipsak (./test.sh installs them; or apt-get install -y
# --no-install-recommends kamailio sip-tester sipsak), curl and ss (iproute2); for the live heap it installs the
# dotnet-gcdump tool into out/tools (dotnet tool install; without it that one figure is skipped).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
PHASES="${PHASES:-rate bad}"
STEP_SECONDS="${STEP_SECONDS:-10}"
START_RATE="${START_RATE:-25}"
MAX_RATE="${MAX_RATE:-3200}"
TALK_MS="${TALK_MS:-0}"
BAD_MESSAGES="${BAD_MESSAGES:-10000}"
VALID_RATE="${VALID_RATE:-20}"
KAMAILIO_CHILDREN="${KAMAILIO_CHILDREN:-4}"
SIPP_DIR="$ROOT/tests/interop/sipp"
LOAD_DIR="$ROOT/tests/load"
PILOT="+4950505803201"
LOOP="+4950505803300"
CALLEE="+4950505807001"   # an office user: the plain SIPp UAS registers as it (the baseline's callee)

for program in kamailio sipp sipsak curl ss dotnet; do
  if ! command -v "$program" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$program" ]; then
    echo "sipp-cps.sh: $program is missing (apt-get install -y --no-install-recommends kamailio sip-tester sipsak curl iproute2)" >&2
    exit 2
  fi
done
KAMAILIO="$(command -v kamailio || echo /usr/sbin/kamailio)"

WORK="$(mktemp -d /tmp/concierge-load.XXXXXX)"
PIDS=()
SUMMARY="$WORK/summary.txt"
FAILED=0
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 1
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  rm -f "${DB_FOLDER:-$WORK}/concierge-load-$$.db"*
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
say() { echo "$*" | tee -a "$SUMMARY"; }
check() { # <condition text> <0|1>
  if [ "$2" = 0 ]; then say "  ok   $1"; else say "  FAIL $1"; FAILED=1; fi
}

# A port free for UDP and TCP on 127.0.0.1 (random, checked with ss).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    ss -Hlnu "sport = :$port" 2>/dev/null | grep -q . && continue
    ss -Hlnt "sport = :$port" 2>/dev/null | grep -q . && continue
    echo "$port"
    return
  done
}

# A SIPp statistics file's last row: the value of one column.
stat_of() { # <csv> <column>
  awk -F';' -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next } NF > 10 { v = $c } END { print (v == "" ? 0 : v) }' "$1"
}

# p50 and p99 (ms) of one response time of a SIPp -trace_rtt file.
percentiles() { # <rtt csv> <rtd name>
  awk -F';' -v rtd="$2" 'NR > 1 && $3 == rtd { print $2 }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
    printf "p50 %s ms, p99 %s ms (%d calls)", p50, p99, NR }'
}

metric() { # <name>
  curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | awk -v name="$1" '$1 == name { print $2 }'
}

# Background SIPp UAS: <name> <port> <scenario file> <extra args...>
start_uas() {
  local name="$1" port="$2" scenario="$3"; shift 3
  sipp -sf "$scenario" -i 127.0.0.1 -p "$port" -nostdin -trace_stat -stf "$WORK/$name-stats.csv" -fd 1 \
    -trace_err -error_file "$WORK/$name-errors.log" "$@" >"$WORK/$name.out" 2>&1 &
  PIDS+=($!)
}

echo "== building the server (Release, out/server)"
dotnet build src/Concierge.Server/Concierge.Server.csproj -c Release -o out/server -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2 || exit 2

KAM_PORT="$(free_port)"; CPS_PORT="$(free_port)"; HTTP_PORT="$(free_port)"
HUNT_PORT="$(free_port)"; PHONES_PORT="$(free_port)"; CALLEE_PORT="$(free_port)"

say "== sipp-cps.sh $(date -u '+%Y-%m-%d %H:%M:%S UTC') on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "   Kamailio $("$KAMAILIO" -v | head -1 | awk '{print $3}') on 127.0.0.1:$KAM_PORT ($KAMAILIO_CHILDREN UDP workers), CPS 127.0.0.1:$CPS_PORT, $(sipp -v 2>&1 | grep -o 'SIPp v[^ ]*' | head -1), talk ${TALK_MS} ms"

sed -e "s/{{SIP_PORT}}/$KAM_PORT/g" -e "s/{{HUNT_GROUP}}/127.0.0.1:$HUNT_PORT/g" -e "s/{{CHILDREN}}/$KAMAILIO_CHILDREN/g" \
  tests/interop/kamailio/kamailio.cfg >"$WORK/kamailio.cfg"
"$KAMAILIO" -f "$WORK/kamailio.cfg" -DD -E -Y "$WORK" -P "$WORK/kamailio.pid" -m 1024 -M 16 -x tlsf -w "$WORK" >"$WORK/kamailio.log" 2>&1 &
PIDS+=($!)
start_uas hunt-group "$HUNT_PORT" "$SIPP_DIR/uas-answer-bye.xml" -d "$TALK_MS"
start_uas phones "$PHONES_PORT" "$SIPP_DIR/uas-answer-bye.xml" -d "$TALK_MS"
start_uas callee "$CALLEE_PORT" "$SIPP_DIR/uas-answer-bye.xml" -d "$TALK_MS"
sleep 1
for _ in $(seq 50); do sipsak -s "sip:127.0.0.1:$KAM_PORT" >/dev/null 2>&1 && break; sleep 0.2; done

DB_FOLDER="${DB_FOLDER:-$WORK}"   # e.g. DB_FOLDER=/dev/shm: the database on tmpfs (no fsync cost) to see what it costs
out/server/concierge-server --dev --no-csta --topology tests/interop/kamailio/kamailio-sip-only.yaml --db "$DB_FOLDER/concierge-load-$$.db" \
  --sip-listen "127.0.0.1:$CPS_PORT" --http-listen "127.0.0.1:$HTTP_PORT" --registrar "127.0.0.1:$KAM_PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=("$SERVER_PID")
ready=""
for _ in $(seq 150); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready")" = 200 ] && { ready=1; break; }
  sleep 0.2
done
[ -n "$ready" ] || { echo "the server did not get ready (registered at Kamailio):" >&2; tail -20 "$WORK/server.log" >&2; exit 2; }

# The phones: 16 attendants and the callee register at Kamailio; the attendants log on through the API.
{
  echo SEQUENTIAL
  for n in $(seq 7580 7595); do echo "+495050580$n;127.0.0.1:$PHONES_PORT"; done
  echo "$CALLEE;127.0.0.1:$CALLEE_PORT"
} >"$WORK/phones.csv"
sipp "127.0.0.1:$KAM_PORT" -sf "$SIPP_DIR/register.xml" -inf "$WORK/phones.csv" -i 127.0.0.1 -p "$(free_port)" -m 17 -r 50 \
  -nostdin -timeout 10s -timeout_error >"$WORK/register.out" 2>&1 || { echo "registering the phones failed" >&2; tail "$WORK/register.out" >&2; exit 2; }
password="$(grep -o 'with the password [^ ]*' "$WORK/server.log" | head -1 | awk '{print $4}')"
token="$(curl -s -X POST "http://127.0.0.1:$HTTP_PORT/api/logon" -H 'Content-Type: application/json' \
  -d "{\"account\":\"DEFAULT\\\\dev\",\"password\":\"$password\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "log-on to the API failed" >&2; exit 2; }
for n in $(seq 7580 7595); do
  code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$HTTP_PORT/api/attendants/+495050580$n/logon" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"available":true}')"
  [ "$code" = 200 ] || { echo "log-on of attendant $n: HTTP $code" >&2; exit 2; }
done

attendants_available() {
  local n
  for n in $(seq 7580 7595); do
    curl -s -o /dev/null -X POST "http://127.0.0.1:$HTTP_PORT/api/attendants/+495050580$n/available" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}'
  done
}
# Answered call records ended since <ISO time>.
answered_since() {
  out/server/concierge-server calls --json --since "$1" --limit 1000000 --db "$DB_FOLDER/concierge-load-$$.db" 2>/dev/null | grep -c '"disposition":"answered"'
}
# The managed heap after a full collection: dotnet-gcdump (installed into out/tools on first use) induces one;
# empty when the tool cannot be had.
GCDUMP="$ROOT/out/tools/dotnet-gcdump"
live_heap() {
  if [ ! -x "$GCDUMP" ]; then
    timeout 300 dotnet tool install --tool-path "$ROOT/out/tools" dotnet-gcdump >"$WORK/gcdump-install.log" 2>&1 || return 0
  fi
  timeout 120 "$GCDUMP" collect -p "$SERVER_PID" -o "$WORK/heap.gcdump" >"$WORK/gcdump.log" 2>&1 || return 0
  metric dotnet_gc_heap_size_bytes
}
# transactions (server + client) and calls the SIP stack holds
sip_state() {
  curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | awk '$1 ~ /^concierge_sip_transactions/ { t += $2 } $1 == "concierge_sip_calls" { c = $2 } END { printf "%d transactions, %d calls", t, c }'
}
sip_transactions() { sip_state | awk '{ print $1 }'; }
# 200 calls through Kamailio, then until the transactions have drained (90 s at most)
warm_up() {
  sipp "127.0.0.1:$KAM_PORT" -sf "$SIPP_DIR/uac-until-bye.xml" -s "$PILOT" -i 127.0.0.1 -p "$(free_port)" -m 200 -r 50 -nostdin \
    -timeout 60s >/dev/null 2>&1
  wait_idle
  for _ in $(seq 90); do [ "$(sip_transactions)" -le 2 ] && break; sleep 1; done
}
wait_idle() { # until the CPS has no live calls (60 s at most)
  for _ in $(seq 300); do [ "$(metric concierge_live_calls)" = 0 ] && return 0; sleep 0.2; done
  return 1
}

# One step: <chain: cps|baseline> <rate> <seconds> <tag>; sets STEP_OK (0 = sustained with no failed call) and STEP_NOTE.
run_step() {
  local chain="$1" rate="$2" seconds="$3" tag="$4" number calls started elapsed_ms exit_code ok failed succeeded since answered
  [ "$chain" = cps ] && number="$PILOT" || number="$CALLEE"
  calls=$((rate * seconds))
  since="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  started="$(date +%s%N)"
  # (in the work folder: SIPp writes its -trace_rtt file into its current folder)
  (cd "$WORK" && exec sipp "127.0.0.1:$KAM_PORT" -sf "$SIPP_DIR/uac-until-bye.xml" -s "$number" -i 127.0.0.1 -p "$(free_port)" \
    -m "$calls" -r "$rate" -l $((rate * 5 + 100)) -timeout $((seconds * 2 + 10))s -timeout_error -nostdin \
    -trace_stat -stf "$WORK/$tag.csv" -fd 1 -trace_rtt -rtt_freq 20 -trace_err -error_file "$WORK/$tag-errors.log" \
    >"$WORK/$tag.out" 2>&1)
  exit_code=$?
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  mv "$WORK"/uac-until-bye_*_rtt.csv "$WORK/$tag-rtt.csv" 2>/dev/null
  succeeded="$(stat_of "$WORK/$tag.csv" 'SuccessfulCall(C)')"
  failed="$(stat_of "$WORK/$tag.csv" 'FailedCall(C)')"
  ok=0
  [ "$exit_code" = 0 ] && [ "$failed" = 0 ] && [ "$succeeded" = "$calls" ] || ok=1
  # sustained: the calls were placed and ended within 25 % (plus 3 s) of the nominal time
  [ "$elapsed_ms" -le $((seconds * 1250 + 3000)) ] || ok=1
  answered="-"
  if [ "$chain" = cps ]; then
    wait_idle || ok=1
    answered="$(answered_since "$since")"
    [ "$answered" = "$calls" ] || ok=1
  fi
  STEP_OK=$ok
  STEP_NOTE="$chain $rate/s: $succeeded of $calls calls succeeded, $failed failed, answered records $answered, $(awk -v ms="$elapsed_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s (nominal $seconds s)"
  if [ "$ok" != 0 ]; then
    # An overloaded step leaves transactions in Kamailio (up to fr_inv_timer, 30 s) and calls in the CPS's queue;
    # attendants whose push failed were made unavailable (as the CPS does): let it drain, make them available again.
    sleep 35
    wait_idle
    attendants_available
  else
    sleep 1
  fi
  echo "   $([ $ok = 0 ] && echo sustained || echo 'not sustained'): $STEP_NOTE" | tee -a "$SUMMARY"
}

# The highest sustained rate of a chain: doubling from START_RATE, then three halvings of the gap.
find_rate() { # <chain>; sets BEST
  local chain="$1" rate="$START_RATE" good=0 bad=0 step=0 mid
  while [ "$rate" -le "$MAX_RATE" ]; do
    step=$((step + 1))
    run_step "$chain" "$rate" "$STEP_SECONDS" "$chain-step$step"
    if [ "$STEP_OK" = 0 ]; then good=$rate; rate=$((rate * 2)); else bad=$rate; break; fi
  done
  if [ "$bad" -gt 0 ]; then
    for _ in 1 2 3; do
      mid=$(((good + bad) / 2))
      [ $((bad - good)) -le $((good / 20 + 1)) ] && break
      step=$((step + 1))
      run_step "$chain" "$mid" "$STEP_SECONDS" "$chain-step$step"
      if [ "$STEP_OK" = 0 ]; then good=$mid; else bad=$mid; fi
    done
  fi
  BEST=$good
}

if [[ " $PHASES " == *" rate "* ]]; then
  say "== 1. highest sustained call rate with 0 failed calls ($STEP_SECONDS s steps)"
  if [ -n "${CPS_RATE_GIVEN:-}" ]; then
    # only the set-up times, at half a rate found before
    CPS_RATE=$CPS_RATE_GIVEN; BASELINE_RATE=0
  else
    say "-- SIPp UAC -> Kamailio -> CPS queue -> Kamailio -> attendant phone (16 attendants)"
    find_rate cps; CPS_RATE=$BEST
    say "-- SIPp UAC -> Kamailio -> SIPp UAS"
    find_rate baseline; BASELINE_RATE=$BEST
  fi
  if [ "$BASELINE_RATE" -gt 0 ]; then
    RATIO="$(awk -v a="$CPS_RATE" -v b="$BASELINE_RATE" 'BEGIN { printf "%.2f", a / b }')"
  else
    RATIO="n/a"
  fi
  say "   result: CPS chain $CPS_RATE calls/s, baseline $BASELINE_RATE calls/s, ratio $RATIO (goal >= 0.5); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  half=$((CPS_RATE / 2)); [ "$half" -ge 1 ] || half=1
  say "-- set-up times at half the CPS chain's rate ($half calls/s, $((STEP_SECONDS * 2)) s)"
  for chain in baseline cps; do
    run_step "$chain" "$half" $((STEP_SECONDS * 2)) "$chain-half"
    say "   $chain: INVITE -> 200 $(percentiles "$WORK/$chain-half-rtt.csv" setup); 200 -> BYE $(percentiles "$WORK/$chain-half-rtt.csv" until_bye)"
  done
  if [ -z "${CPS_RATE_GIVEN:-}" ]; then
    check "the CPS chain sustains at least half the baseline's rate (ratio $RATIO)" \
      "$(awk -v r="$RATIO" 'BEGIN { print (r != "n/a" && r >= 0.5) ? 0 : 1 }')"
  fi
fi

if [[ " $PHASES " == *" bad "* ]]; then
  say "== 2. bad traffic straight at the CPS while valid calls go through Kamailio"
  # The level to come back to: after 200 calls, once their transactions have ended (RFC 3261 keeps a completed
  # transaction up to 32 s over UDP).
  warm_up
  heap_before="$(live_heap)"; rss_before="$(metric process_resident_memory_bytes)"
  sip_before="$(sip_state)"
  rejected_before="$(metric concierge_sip_messages_rejected_total)"; faults_before="$(metric concierge_sip_handler_faults_total)"

  # 2a. Each torture message once through sipsak: the answer (or none within 2 s) against the expectation, and
  # whether it was counted as rejected.
  say "-- the torture messages one by one (tests/load/torture/expected.txt)"
  declare -A COUNTED
  invalid_files=(); all_files=()
  while read -r name kind expected _; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    all_files+=("$name")
    [ "$kind" = invalid ] && invalid_files+=("$name")
    sed -e "s/CPSPORT/$CPS_PORT/g" -e "s/NNNN/one/g" "$LOAD_DIR/torture/$name.sip" >"$WORK/$name.sip"
    before="$(metric concierge_sip_messages_rejected_total)"
    reply="$(timeout 2 sipsak -G -i -f "$WORK/$name.sip" -s "sip:127.0.0.1:$CPS_PORT" -vv 2>&1 | grep -o -m1 '^SIP/2\.0 [0-9]*' | awk '{print $2}')"
    [ -n "$reply" ] || reply=none
    sleep 0.05
    after="$(metric concierge_sip_messages_rejected_total)"
    counted=$((after - before)); COUNTED[$name]=$counted
    verdict=0
    [[ "$reply" =~ ^$expected$ ]] || verdict=1
    [ "$kind" = invalid ] && [ "$counted" -lt 1 ] && verdict=1
    check "$(printf '%-11s %-7s expected %-9s got %-5s counted %s' "$name" "$kind" "$expected" "$reply" "$counted")" "$verdict"
  done <"$LOAD_DIR/torture/expected.txt"

  # 2b. The mix: valid calls through Kamailio for the whole time; meanwhile the bad traffic.
  per_file=$((BAD_MESSAGES * 40 / 100 / ${#all_files[@]}))
  raw=$((per_file * ${#all_files[@]}))
  stray_bye=$((BAD_MESSAGES * 15 / 100)); stray_cancel=$((BAD_MESSAGES * 15 / 100)); stray_ack=$((BAD_MESSAGES * 10 / 100))
  wrong_cseq=$((BAD_MESSAGES * 5 / 100))
  flood=$((BAD_MESSAGES - raw - stray_bye - stray_cancel - stray_ack - wrong_cseq))
  say "-- $BAD_MESSAGES bad messages: $raw torture ($per_file of each of ${#all_files[@]} files), $stray_bye stray BYE, $stray_cancel stray CANCEL," \
      "$stray_ack stray ACK, $wrong_cseq in-dialog requests with a lower CSeq, $flood sipsak flood OPTIONS; valid calls at $VALID_RATE/s"
  since="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  valid_calls=$((VALID_RATE * 40))
  sipp "127.0.0.1:$KAM_PORT" -sf "$SIPP_DIR/uac-until-bye.xml" -s "$PILOT" -i 127.0.0.1 -p "$(free_port)" -m "$valid_calls" -r "$VALID_RATE" \
    -timeout 120s -timeout_error -nostdin -trace_stat -stf "$WORK/valid.csv" -fd 1 >"$WORK/valid.out" 2>&1 &
  valid_pid=$!; PIDS+=("$valid_pid")
  bad_uac() { # <name> <scenario> <calls> <service>
    sipp "127.0.0.1:$CPS_PORT" -sf "$LOAD_DIR/sipp/$2" -s "$4" -i 127.0.0.1 -p "$(free_port)" -m "$3" -r 200 -timeout 90s -timeout_error \
      -nostdin -trace_stat -stf "$WORK/$1.csv" -fd 1 >"$WORK/$1.out" 2>&1
  }
  bad_uac stray-bye stray-bye.xml "$stray_bye" "$PILOT" & p1=$!
  bad_uac stray-cancel stray-cancel.xml "$stray_cancel" "$PILOT" & p2=$!
  bad_uac stray-ack stray-ack.xml "$stray_ack" "$PILOT" & p3=$!
  bad_uac wrong-cseq wrong-cseq.xml "$wrong_cseq" "$LOOP" & p4=$!
  PIDS+=("$p1" "$p2" "$p3" "$p4")
  # the raw torture sends (bash's /dev/udp; answers go to a port nobody listens on), paced in rounds
  dead_port="$(free_port)"
  for name in "${all_files[@]}"; do
    sed -e "s/CPSPORT/$CPS_PORT/g" -e 's/\$srchost\$/127.0.0.1/g' -e "s/\\\$port\\\$/$dead_port/g" -e 's/$/\r/' \
      "$LOAD_DIR/torture/$name.sip" >"$WORK/$name.raw"
  done
  sent=0
  for round in $(seq "$per_file"); do
    for name in "${all_files[@]}"; do
      message="$(<"$WORK/$name.raw")"
      # one write, one datagram: bash's printf may split its output over several writes
      printf '%s\n' "${message//NNNN/r$round}" >"$WORK/datagram"
      cat "$WORK/datagram" >"/dev/udp/127.0.0.1/$CPS_PORT"
      sent=$((sent + 1))
    done
    [ $((round % 10)) = 0 ] && sleep 0.1
  done
  # sipsak's flood does not wait for answers: in bursts of 100, so the socket's receive buffer is not what drops them
  flood_exit=0; flooded=0
  while [ "$flooded" -lt "$flood" ]; do
    burst=$((flood - flooded)); [ "$burst" -gt 100 ] && burst=100
    timeout 30 sipsak -F -e "$burst" -s "sip:CPS1@127.0.0.1:$CPS_PORT" >>"$WORK/flood.out" 2>&1 || flood_exit=$?
    flooded=$((flooded + burst)); sleep 0.05
  done
  wait "$p1" "$p2" "$p3" "$p4"
  wait "$valid_pid"; valid_exit=$?
  wait_idle

  for name in stray-bye stray-cancel stray-ack wrong-cseq; do
    case $name in stray-bye) n=$stray_bye ;; stray-cancel) n=$stray_cancel ;; stray-ack) n=$stray_ack ;; wrong-cseq) n=$wrong_cseq ;; esac
    s="$(stat_of "$WORK/$name.csv" 'SuccessfulCall(C)')"; f="$(stat_of "$WORK/$name.csv" 'FailedCall(C)')"
    check "$name: $s of $n answered as RFC 3261 says (481 / no answer / 500), $f not" "$([ "$s" = "$n" ] && [ "$f" = 0 ] && echo 0 || echo 1)"
  done
  check "sipsak flood: $flooded OPTIONS sent in bursts of 100 (sipsak exit $flood_exit)" "$([ "$flood_exit" = 0 ] && echo 0 || echo 1)"
  # Each raw send of a file the one-by-one pass saw counted must be counted once (sipsak's retransmissions of an
  # unanswered message were counted too there, hence only "counted or not").
  counted_files=0; one_by_one=0
  for name in "${all_files[@]}"; do
    one_by_one=$((one_by_one + ${COUNTED[$name]}))
    [ "${COUNTED[$name]}" -ge 1 ] && counted_files=$((counted_files + 1))
  done
  expected_rejected=$((counted_files * per_file))
  rejected_after="$(metric concierge_sip_messages_rejected_total)"
  raw_rejected=$((rejected_after - rejected_before - one_by_one))
  check "raw torture sends: $sent sent, $raw_rejected counted as rejected (expected $expected_rejected: $per_file of each of $counted_files files)" \
    "$([ "$raw_rejected" = "$expected_rejected" ] && echo 0 || echo 1)"
  vs="$(stat_of "$WORK/valid.csv" 'SuccessfulCall(C)')"; vf="$(stat_of "$WORK/valid.csv" 'FailedCall(C)')"
  answered="$(answered_since "$since")"
  check "valid calls meanwhile: $vs of $valid_calls succeeded, $vf failed, $answered answered records (sipp exit $valid_exit)" \
    "$([ "$vs" = "$valid_calls" ] && [ "$vf" = 0 ] && [ "$answered" = "$valid_calls" ] && echo 0 || echo 1)"
  faults_after="$(metric concierge_sip_handler_faults_total)"
  check "handler faults: $((faults_after - faults_before))" "$([ "$faults_after" = "$faults_before" ] && echo 0 || echo 1)"
  kill -0 "$SERVER_PID" 2>/dev/null; check "the server is still running" $?
  # Memory: the same 200 calls and the same wait as before the bad traffic, then compare.
  rss_peak="$(metric process_resident_memory_bytes)"; sip_peak="$(sip_state)"
  warm_up
  heap_after="$(live_heap)"; rss_after="$(metric process_resident_memory_bytes)"
  sip_after="$(sip_state)"
  mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
  say "   SIP stack: $sip_before before, $sip_peak right after, $sip_after once drained"
  say "   memory: resident $(mb "$rss_before") before, $(mb "$rss_peak") right after, $(mb "$rss_after") once drained" \
      "(the runtime keeps memory it has had); live managed heap after a full collection: $([ -n "$heap_before" ] && mb "$heap_before" || echo n/a) before," \
      "$([ -n "$heap_after" ] && mb "$heap_after" || echo n/a) after"
  check "the SIP stack is back to its level: $sip_after (before: $sip_before)" \
    "$([ "$(sip_transactions)" -le 2 ] && [ "${sip_after#*, }" = "${sip_before#*, }" ] && echo 0 || echo 1)"
  if [ -n "$heap_before" ] && [ -n "$heap_after" ]; then
    check "live managed heap back to its level (within 10 % + 1 MB)" \
      "$(awk -v a="$heap_after" -v b="$heap_before" 'BEGIN { print (a <= b * 1.10 + 1048576) ? 0 : 1 }')"
  else
    say "  note: dotnet-gcdump could not be installed (dotnet tool install), so the live heap was not measured"
  fi
fi

say "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$FAILED" = 0 ] && say "== all checks passed" || say "== some checks FAILED (work folder: $WORK; KEEP=1 keeps it)"
exit "$FAILED"
