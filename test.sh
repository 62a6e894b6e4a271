#!/usr/bin/env bash
# The tests: installs what they need when it is missing, then runs every test project of the solution.
#   ./test.sh                      every test
#   ./test.sh --filter 'FullyQualifiedName~Sip'   options go to `dotnet test`
# As root (as CI runs) missing Debian packages are installed with apt-get; otherwise they are named and the script
# stops with exit 2 before running anything.
# The store tests run against a throw-away PostgreSQL cluster this script starts on a free loopback port (in a temp
# folder, as the postgres user when run as root, fsync off) and stops at the end; its connection string is exported
# as CONCIERGE_TEST_POSTGRES, and with it set the PostgreSQL cases run and fail if the server does not answer.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The newest installed PostgreSQL server's bin folder (Debian keeps initdb and pg_ctl off PATH), or nothing.
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# What the tests run, as "<check> <Debian package>": SIPp for the SIP interop tests, Kamailio and sipsak for the
# interop tests against a real proxy (tests/Concierge.Interop.Tests, tests/load/sipp-cps.sh), PostgreSQL for the
# store tests, sox and espeak-ng for the sample media, Chromium for the browser tests of the web console (Playwright
# drives /usr/bin/chromium; no browser download). Kamailio lives in /usr/sbin, which a non-root PATH may lack.
has_sipp() { command -v sipp >/dev/null 2>&1; }
has_kamailio() { command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ]; }
has_sipsak() { command -v sipsak >/dev/null 2>&1; }
has_chromium() { [ -x /usr/bin/chromium ]; }
has_postgres() { local bin; bin="$(postgres_bin)"; [ -n "$bin" ] && [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; }
has_sox() { command -v sox >/dev/null 2>&1; }
has_espeak() { command -v espeak-ng >/dev/null 2>&1; }
# sox and espeak-ng make the sample media (scripts/make-sample-media.sh) that the server's media tests stream.
requirements=(
  "has_sipp sip-tester"
  "has_kamailio kamailio"
  "has_sipsak sipsak"
  "has_postgres postgresql"
  "has_sox sox"
  "has_espeak espeak-ng"
  "has_chromium chromium"
)

missing=()
for requirement in "${requirements[@]}"; do
  read -r check package <<<"$requirement"
  "$check" || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: the tests need these Debian packages: ${missing[*]}" >&2
    echo "         install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  echo "== installing ${missing[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/concierge-apt.log 2>&1; then
    echo "test.sh: could not install ${missing[*]}; apt-get said:" >&2
    tail -n 20 /tmp/concierge-apt.log >&2
    exit 2
  fi
  for requirement in "${requirements[@]}"; do
    read -r check package <<<"$requirement"
    "$check" || { echo "test.sh: $package is installed but its programs are not found ($check)" >&2; exit 2; }
  done
  # Debian's package enables a system-wide Kamailio on port 5060 (where the server listens by default); the tests
  # run their own on free loopback ports, so the service is stopped and disabled again.
  if [[ " ${missing[*]} " == *" kamailio "* ]] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now kamailio >/dev/null 2>&1 || true
  fi
fi

# A throw-away PostgreSQL cluster: a free loopback port, a temp folder, trust authentication on loopback only.
pg_bin="$(postgres_bin)"
pg_dir="$(mktemp -d /tmp/concierge-pg.XXXXXX)"
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"   # the server refuses to run as root
  as_postgres=(runuser -u postgres --)
fi
stop_postgres() {
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
if ! "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U concierge -A trust -E UTF8 --no-sync >"$pg_dir/setup.log" 2>&1; then
  echo "test.sh: could not create the test PostgreSQL cluster:" >&2
  tail -n 20 "$pg_dir/setup.log" >&2
  exit 2
fi
# A free loopback port: the first in 25432-25532 nobody answers on where the server then starts (another run may
# take a port between the check and the start; then the next one is tried).
pg_port=""
attempts=0
for port in $(seq 25432 25532); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
  attempts=$((attempts + 1))
  [ "$attempts" -le 5 ] || break
  if "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 start \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >>"$pg_dir/setup.log" 2>&1; then
    pg_port="$port"
    break
  fi
done
if [ -z "$pg_port" ]; then
  echo "test.sh: could not start the test PostgreSQL server on a loopback port in 25432-25532:" >&2
  tail -n 20 "$pg_dir/setup.log" "$pg_dir/server.log" 2>/dev/null >&2
  exit 2
fi
export CONCIERGE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=concierge;Database=postgres;Pooling=false"
echo "== PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$pg_port for the store tests"

dotnet test Concierge.sln "$@"
