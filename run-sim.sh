#!/usr/bin/env bash
# The main job: build once (Release), check that a seed replays bit for bit, then run the scenario suites.
# Arguments go to the scenario runner: ./run-sim.sh --tags '@osv and not @slow' --seed 7 --junit out/junit.xml
# Cucumber reports: ./run-sim.sh --messages out/run.ndjson --html out/report.html --ladders out/ladders [--bindings qa/QaSteps.dll]
# A load profile on the virtual clock: ./run-sim.sh load scenarios/load/standard-day.yaml
# Random actions per seed, invariants checked, no call lost: ./run-sim.sh explore --seeds 200 [--faults lossy]
# A sweep: ./run-sim.sh load scenarios/load/reference.yaml --channels 10,30,60 --ratio 1..5 --seeds 4 --csv out/sweep.csv --html out/sweep.html
# Random topology, load and faults per seed: ./run-sim.sh swarm --seeds 200 [--shard 1/4 --csv out/swarm-1.csv]; ./run-sim.sh merge out/swarm-*.csv
# CSTA trace files decoded, one line per document: ./run-sim.sh csta decode <files…> [--json] [--lenient] [--routing …]
# The PBX emulator (a topology's simulated OSV on real sockets and the system clock, until SIGINT/SIGTERM):
#   ./run-sim.sh pbx --topology osv-example --listen 127.0.0.1 [--free-ports] [--ports-file f] [--trace]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The simulator allocates fast and keeps little: a 256 MB first generation means fewer, equally short collections
# (the runtime reads this setting only from the environment, not from runtimeconfig.json).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x10000000}"

out="out/sim"
dotnet build simulators/Concierge.Scenarios/Concierge.Scenarios.csproj -c Release -o "$out" -nologo -v quiet -clp:ErrorsOnly >&2
sim() { dotnet "$out/concierge-sim.dll" "$@"; }

case "${1:-}" in
  # Load and explore runs are long and hot: hot methods are recompiled optimised (in the background, on the other
  # core) from the start instead of after the runtime's 100 ms start-up delay (load 4.3 s → 3.7 s, explore 5.1 s →
  # 4.2 s). Scenario runs are short: the default delay suits them (0.9 s instead of 1.3 s).
  load|explore|swarm) export DOTNET_TC_CallCountingDelayMs=0; sim "$@" ;;  # ./run-sim.sh load scenarios/load/standard-day.yaml
  determinism|steps|merge|csta) sim "$@" ;;
  # The emulator runs until a signal: exec it so SIGTERM and SIGINT reach it.
  pbx) exec dotnet "$out/concierge-sim.dll" "$@" ;;  # ./run-sim.sh csta decode scenarios/csta-samples/*.xml [--json]
  *)
    if [ "$#" -eq 0 ]; then sim determinism --seed 1; fi
    sim run "$@" ;;
esac
