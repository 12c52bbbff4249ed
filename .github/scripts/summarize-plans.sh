#!/usr/bin/env bash
# Renders the masked plan summary of every stack of the registry (stacks.sh) into summary/plan.md
# and the job summary.
set -euo pipefail
source .github/scripts/stacks.sh
args=()
for stack in "${STACKS[@]}"; do args+=(--stack "$stack=cdktf.out/stacks/$stack/plan.json"); done
mkdir -p summary
npm run --silent plan-summary -- "${args[@]}" > summary/plan.md
cat summary/plan.md >> "$GITHUB_STEP_SUMMARY"
