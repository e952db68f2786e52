# Sourced by the e2e and bench scripts: serve_site BINARY PORT DIR LOG starts
# the dev server (mock providers, 2,000 calls) with DIR as its static site,
# stops it when the calling script exits, and waits until it answers.
serve_site() {
  local binary=$1 port=$2 dir=$3 log=$4
  "$binary" serve --port "$port" --calls 2000 --static "$dir" > "$log" 2>&1 &
  local pid=$!
  # shellcheck disable=SC2064 # the pid is meant to be expanded now
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the dev server did not start on :$port (see $log)" >&2
  return 1
}
