#!/usr/bin/env bash
# For ci.yml: runs the current actionlint release (with shellcheck, which the runner image has) on
# .github/workflows. The binary is downloaded and checked against its release's SHA-256 before it
# runs; a bump changes the version and the checksum here together (from the release's
# actionlint_<version>_checksums.txt).
set -euo pipefail
version=1.7.12
sha256=8aca8db96f1b94770f1b0d72b6dddcb1ebb8123cb3712530b08cc387b349a3d8
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
curl --fail --silent --show-error --location --retry 3 \
  --output "$dir/actionlint.tar.gz" \
  "https://github.com/rhysd/actionlint/releases/download/v$version/actionlint_${version}_linux_amd64.tar.gz"
echo "$sha256  $dir/actionlint.tar.gz" | sha256sum --check --strict
tar -xzf "$dir/actionlint.tar.gz" -C "$dir" actionlint
"$dir/actionlint" -color
