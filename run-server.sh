#!/usr/bin/env bash
# Builds the Concierge server once (Release, into out/server) and runs it with this script's arguments,
# e.g. ./run-server.sh --dev --sip-listen 127.0.0.1:5060 --http-listen 127.0.0.1:8080.
# The server replaces this shell (exec), so SIGTERM and Ctrl-C reach it directly.
# ./run-server.sh demo: the loopback demo, the PBX emulator and the server against it (deploy/demo.sh).
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = demo ]; then shift; exec deploy/demo.sh "$@"; fi
dotnet build src/Concierge.Server/Concierge.Server.csproj -c Release -o out/server -nologo -v q -clp:"ErrorsOnly;NoSummary" >&2
# Sample music on hold and announcements for the example topology, once, when sox and espeak-ng are there.
if [ ! -d media ] && command -v sox >/dev/null 2>&1 && command -v espeak-ng >/dev/null 2>&1; then scripts/make-sample-media.sh >&2; fi
exec out/server/concierge-server "$@"
