#!/usr/bin/env bash
# One command for the side-by-side table: Tandem, the ICU floor, Duckling (pyduckling-native)
# and dateparser over the same paragraphs, each on one core.
#   benchmarks/peers/run.sh [MEGABYTES_FOR_TANDEM] [KILOBYTES_FOR_PEERS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tandem_mb="${1:-20}"
peer_kb="${2:-200}"

if [ ! -x "$here/.venv/bin/python" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet --disable-pip-version-check dateparser pyduckling-native-phihos
fi
[ -x "$root/.build/release/tandem" ] || (cd "$root" && swift build -c release >/dev/null)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/.venv/bin/python" "$here/compare.py" paragraphs "$root/samples" "$work/paragraphs"
# One core: the default pipeline fused (each worker runs every stage), one worker.
"$here/.venv/bin/python" - "$root" "$work/fused.json" <<'PY'
import json, sys
root, out = sys.argv[1], sys.argv[2]
config = json.load(open(f"{root}/pipeline.json"))
config["fused"] = True
config["rules"] = f"{root}/{config['rules']}"
json.dump(config, open(out, "w"))
PY
taskset -c 0 "$root/.build/release/tandem" bench "$work/paragraphs" --config "$work/fused.json" \
  --megabytes "$tandem_mb" --passes 3 --workers 1 --format json > "$work/tandem.json"
taskset -c 0 "$here/.venv/bin/python" "$here/compare.py" peers "$work/paragraphs" "$peer_kb" > "$work/peers.json"
"$here/.venv/bin/python" "$here/compare.py" table "$work/tandem.json" "$work/peers.json"
