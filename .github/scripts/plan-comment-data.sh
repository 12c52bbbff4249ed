#!/usr/bin/env bash
# Writes what the plan comment needs (plan-comment.yml) into summary/, next to plan.md: the masked
# JSON summary of every stack of the registry (stacks.sh) in summary.json, the same masking as
# plan.md. The keyed fingerprints (summary/fingerprints) are written by a step of their own, the
# only one that holds the key. Run after plan-stacks.sh. Nothing written holds a value the summary does not show.
set -euo pipefail
source .github/scripts/stacks.sh
args=()
for stack in "${STACKS[@]}"; do args+=(--stack "$stack=cdktf.out/stacks/$stack/plan.json"); done
mkdir -p summary
npm run --silent plan-summary -- --format json "${args[@]}" > summary/summary.json
