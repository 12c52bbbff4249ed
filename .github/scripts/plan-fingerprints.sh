#!/usr/bin/env bash
# For plan-pr.yml: the keyed fingerprint of each stack's plan in $STACKS, one `<stack> <hex>` line
# each, into summary/fingerprints. The only step that holds PLAN_FINGERPRINT_KEY, and it plans nothing
# (docs/workflows.md, "Plan fingerprints").
set -euo pipefail
files=()
for stack in $STACKS; do files+=("cdktf.out/stacks/$stack/plan.json"); done
npm run --silent plan-fingerprint -- "${files[@]}" > summary/fingerprints
