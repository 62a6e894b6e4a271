#!/usr/bin/env bash
# The tests: installs what they need when it is missing, then runs every test project of the solution.
#   ./test.sh                      every test
#   ./test.sh --filter 'FullyQualifiedName~Sip'   options go to `dotnet test`
# As root (as CI runs) missing Debian packages are installed with apt-get; otherwise they are named and the script
# stops with exit 2 before running anything.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# What the tests run, as "<command> <Debian package>": SIPp for the SIP interop tests.
requirements=(
  "sipp sip-tester"
)

missing=()
for requirement in "${requirements[@]}"; do
  read -r command package <<<"$requirement"
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
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
    read -r command package <<<"$requirement"
    command -v "$command" >/dev/null 2>&1 || { echo "test.sh: $package is installed but '$command' is not on PATH" >&2; exit 2; }
  done
fi

exec dotnet test Concierge.sln "$@"
