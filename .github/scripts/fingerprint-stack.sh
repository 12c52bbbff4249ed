#!/usr/bin/env bash
# The keyed fingerprint of stack $STACK's plan (cdktf.out/stacks/$STACK/plan.json) as the step
# output `fingerprint`. The only step of its job that holds PLAN_FINGERPRINT_KEY, and it plans nothing
# (docs/workflows.md, "Plan fingerprints").
set -euo pipefail
line="$(npm run --silent plan-fingerprint -- "cdktf.out/stacks/$STACK/plan.json")"
echo "fingerprint=${line#* }" >> "$GITHUB_OUTPUT"
