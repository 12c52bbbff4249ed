#!/usr/bin/env bash
# For apply.yml's review job: plans stack $STACK with the read-only credentials and without the
# state lock, and writes cdktf.out/stacks/$STACK/plan.json. Its fingerprint is taken in a step of
# its own, the only one that holds the fingerprint key (fingerprint-stack.sh).
set -euo pipefail
dir="cdktf.out/stacks/$STACK"
terraform -chdir="$dir" init -input=false -lockfile=readonly
terraform -chdir="$dir" plan -lock=false -input=false -out=tfplan
terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
