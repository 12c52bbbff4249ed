#!/usr/bin/env bash
# For apply.yml's apply job, in environment production: plans stack $STACK again with the write
# credentials and the state lock, stops unless that plan's fingerprint is the reviewed one
# ($REVIEWED_FINGERPRINT), and applies exactly that saved plan (which fails if the state changed
# after it was made).
set -euo pipefail
dir="cdktf.out/stacks/$STACK"
terraform -chdir="$dir" init -input=false -lockfile=readonly
terraform -chdir="$dir" plan -input=false -out=tfplan
terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
npm run --silent plan-summary -- "$dir/plan.json" >> "$GITHUB_STEP_SUMMARY"
fingerprint="$(bash .github/scripts/plan-fingerprint.sh "$dir/plan.json")"
if [ "$fingerprint" != "$REVIEWED_FINGERPRINT" ]; then
  echo "::error::the plan changed since it was reviewed (state or code moved); run the workflow again"
  exit 1
fi
terraform -chdir="$dir" apply -input=false tfplan
