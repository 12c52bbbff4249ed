#!/usr/bin/env bash
# For plan-pr.yml and plan.yml: the keyed fingerprint of the plan of each stack of the registry
# (stacks.sh), one `<stack> <hex>` line each, into summary/fingerprints, and their first 16 digits
# on the run page.
# The only step that holds PLAN_FINGERPRINT_KEY, and it plans nothing (docs/workflows.md, "Plan
# fingerprints").
set -euo pipefail
source .github/scripts/stacks.sh
files=()
for stack in "${STACKS[@]}"; do files+=("cdktf.out/stacks/$stack/plan.json"); done
npm run --silent plan-fingerprint -- "${files[@]}" > summary/fingerprints
{
  echo "### Fingerprints, for apply"
  echo
  while read -r stack fingerprint; do echo "- \`$stack\`: \`${fingerprint:0:16}\`"; done < summary/fingerprints
} >> "$GITHUB_STEP_SUMMARY"
