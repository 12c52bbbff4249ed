#!/usr/bin/env bash
# For ci.yml: runs zizmor, the GitHub Actions security auditor, on .github/workflows (with
# .github/zizmor.yml), annotating findings on the pull request. The binary is downloaded and
# checked against its release's SHA-256 before it runs. With GH_TOKEN (the job's read-only token)
# its online audits run too: known-vulnerable actions, impostor commits, refs that moved.
set -euo pipefail
version=1.30.1
sha256=e65324f4430c2717591937edcec90ccbefaf14c174f8ec9415e03ca875b46e1a
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
curl --fail --silent --show-error --location --retry 3 \
  --output "$dir/zizmor.tar.gz" \
  "https://github.com/zizmorcore/zizmor/releases/download/v$version/zizmor-x86_64-unknown-linux-gnu.tar.gz"
echo "$sha256  $dir/zizmor.tar.gz" | sha256sum --check --strict
tar -xzf "$dir/zizmor.tar.gz" -C "$dir"
"$dir/zizmor" --format=github --config .github/zizmor.yml .github/workflows
