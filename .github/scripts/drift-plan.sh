#!/usr/bin/env bash
# For drift.yml: `terraform plan -detailed-exitcode` of stack $STACK (after `npm run synth`),
# without the state lock. Writes drift/status (0: no changes, 2: drift) and, on drift,
# cdktf.out/stacks/$STACK/plan.json. Exit code 1 (an error) fails the step; drift does not.
set -euo pipefail
dir="cdktf.out/stacks/$STACK"
mkdir -p drift
terraform -chdir="$dir" init -input=false -lockfile=readonly
status=0
terraform -chdir="$dir" plan -detailed-exitcode -lock=false -input=false -out=tfplan || status=$?
if [ "$status" -eq 1 ]; then exit 1; fi
echo "$status" > drift/status
if [ "$status" -eq 2 ]; then
  terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
fi
