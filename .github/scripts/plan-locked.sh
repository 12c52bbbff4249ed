#!/usr/bin/env bash
# For apply.yml's apply job, in environment production: plans stack $STACK again with the write
# credentials and the state lock into a saved plan (tfplan), its JSON and its summary on the run
# page. check-fingerprint.sh then compares it with the reviewed plan before apply-saved-plan.sh.
set -euo pipefail
dir="cdktf.out/stacks/$STACK"
terraform -chdir="$dir" init -input=false -lockfile=readonly
terraform -chdir="$dir" plan -input=false -out=tfplan
terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
npm run --silent plan-summary -- "$dir/plan.json" >> "$GITHUB_STEP_SUMMARY"
