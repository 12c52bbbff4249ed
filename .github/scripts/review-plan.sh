#!/usr/bin/env bash
# For apply.yml's review job: plans stack $STACK with the read-only credentials and without the
# state lock, writes cdktf.out/stacks/$STACK/plan.json and the plan's fingerprint as the step
# output `fingerprint` (plan-fingerprint.sh).
set -euo pipefail
dir="cdktf.out/stacks/$STACK"
terraform -chdir="$dir" init -input=false -lockfile=readonly
terraform -chdir="$dir" plan -lock=false -input=false -out=tfplan
terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
fingerprint="$(bash .github/scripts/plan-fingerprint.sh "$dir/plan.json")"
echo "fingerprint=$fingerprint" >> "$GITHUB_OUTPUT"
