#!/usr/bin/env bash
# Sets Tandem up on a fresh Debian/Ubuntu machine with Swift 6 installed, then runs the
# pipeline over the bundled samples: installs libicu-dev and libxml2-dev when missing,
# builds in release, writes out.jsonl and prints a summary of what was found.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in libicu-dev libxml2-dev pkg-config; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} ..." >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "error: the Swift 6 toolchain is not on PATH (see https://www.swift.org/install/linux/)" >&2
  exit 1
fi

swift build -c release 2>&1 | tail -n 3 >&2
./.build/release/tandem run samples -o out.jsonl
python3 - <<'PY' 2>/dev/null || head -c 600 out.jsonl
import json
for line in open("out.jsonl"):
    record = json.loads(line)
    if record["kind"] != "document":
        print(record["doc"], "ERROR", record["message"]); continue
    kinds = {}
    for mention in record["mentions"]:
        kinds[mention["kind"]] = kinds.get(mention["kind"], 0) + 1
    print(f'{record["doc"]}: lang={record["lang"]} sentences={len(record["sentences"])} mentions={kinds}')
PY
echo "records written to out.jsonl" >&2
