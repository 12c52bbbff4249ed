#!/usr/bin/env bash
# Writes what the plan comment needs (plan-comment.yml) into summary/, next to plan.md: the masked
# JSON summary of every stack in $STACKS (summary.json, the same masking as plan.md) and each
# stack's plan fingerprint (plan-fingerprint.sh), one `<stack> <sha256>` line each, in order.
# Run after plan-stacks.sh. Neither file holds a value the summary does not show.
set -euo pipefail
args=()
for stack in $STACKS; do args+=(--stack "$stack=cdktf.out/stacks/$stack/plan.json"); done
mkdir -p summary
npm run --silent plan-summary -- --format json "${args[@]}" > summary/summary.json
: > summary/fingerprints
for stack in $STACKS; do
  fingerprint="$(bash .github/scripts/plan-fingerprint.sh "cdktf.out/stacks/$stack/plan.json")"
  printf '%s %s\n' "$stack" "$fingerprint" >> summary/fingerprints
done
