#!/usr/bin/env bash
# Makes the sample media the example topology names (scenarios/topologies/osv-example.yaml, announcements: file:)
# in ./media (or the folder given as $1): music on hold from sox (a looping 30 s tune), announcements and the
# greeting spoken by espeak-ng. The files are made here, never downloaded; the espeak files come out at 22.05 kHz
# and the music at 16 kHz stereo, so the server's resampling (NAudio) is used as it is for files of an operator.
# Needs the Debian packages sox and espeak-ng (as root they are installed when missing). Idempotent: a file that
# exists is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-media}"
mkdir -p "$folder"

if ! command -v sox >/dev/null 2>&1 || ! command -v espeak-ng >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "make-sample-media.sh: needs sox and espeak-ng: sudo apt-get install -y sox espeak-ng" >&2
    exit 2
  fi
  { apt-get install -y -qq --no-install-recommends sox espeak-ng || { apt-get update -qq && apt-get install -y -qq --no-install-recommends sox espeak-ng; }; } >/tmp/concierge-media-apt.log 2>&1 \
    || { echo "make-sample-media.sh: could not install sox and espeak-ng:" >&2; tail -n 20 /tmp/concierge-media-apt.log >&2; exit 2; }
fi

speak() { # file text
  [ -s "$folder/$1" ] && return 0
  espeak-ng -v en -s 150 -w "$folder/$1" "$2"
}
music() { # file seconds
  [ -s "$folder/$1" ] && return 0
  # Four soft chords of two plucked notes each, repeated: a pleasant loop, 16 kHz stereo.
  local parts=() i=0
  for chord in "C4 E4" "A3 C4" "F3 A3" "G3 B3"; do
    read -r low high <<<"$chord"
    sox -n -r 16000 -c 2 "$folder/.part$i.wav" synth 1.875 pluck "$low" pluck "$high" remix 1,2 1,2 fade 0.01 1.875 0.2 norm -12
    parts+=("$folder/.part$i.wav"); i=$((i + 1))
  done
  sox "${parts[@]}" "$folder/.bar.wav"
  sox "$folder/.bar.wav" "$folder/$1" repeat $(( $2 * 1000 / 7500 )) trim 0 "$2"
  rm -f "${parts[@]}" "$folder/.bar.wav"
}

music DEFAULT-DefaultMoH.wav 30
speak DEFAULT-DefaultStartAnnouncement.wav "Welcome. Please hold, you will be connected to the next free operator."
speak DEFAULT-NumberNotInService.ende.wav "The number you have called is not in service."
speak DEFAULT-NotAvailable.ende.wav "Nobody is available at the moment. Please call again later."
speak Standard-pager-announcements.wav "Attention please. A call is waiting for you. Please pick it up at the nearest phone."
speak Greeting-7580.wav "Good morning, reception, how can I help you?"
speak DEFAULT-DialogNotWorking.ende.wav "This service is not working at the moment."
speak DEFAULT-DialogShort.ende.wav "Please say your request."
speak DEFAULT-DialogComplete.ende.wav "Thank you."
echo "sample media in $folder: $(ls "$folder"/*.wav | wc -l) files"
