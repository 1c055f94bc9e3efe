# Shared by the benchmark scripts (source it): median_of_3 LABEL MB COMMAND...
# Runs COMMAND three times (stdout and stderr discarded) and prints the median time, MB/s for MB
# megabytes of input, and the peak resident memory of that run.
median_of_3() {
  local label=$1 mb=$2
  shift 2
  local timing
  timing=$(mktemp)
  local runs=()
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$timing" "$@" >/dev/null 2>&1
    runs+=("$(cat "$timing")")
  done
  rm -f "$timing"
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p | while read -r seconds kb; do
    python3 -c "print(f'$label: {$mb:.1f} MB, median {$seconds:.2f} s, {$mb/max($seconds, 0.01):.1f} MB/s, peak RSS {$kb/1024:.0f} MB')"
  done
}
