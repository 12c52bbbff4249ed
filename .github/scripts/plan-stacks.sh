#!/usr/bin/env bash
# Plans every stack of the registry (STACKS in stacks.sh) from cdktf.out (after `npm run synth`),
# each terraform process seeing only its own stack's variables (variables_of in stacks.sh; every
# other stack's is unset), with the provider binaries pinned by the lock file that synth copied
# next to the stack. Writes cdktf.out/stacks/<stack>/plan.json.
set -euo pipefail
source .github/scripts/stacks.sh

for stack in "${STACKS[@]}"; do
  keep=" $(variables_of "$stack") "
  others=()
  for name in "${STACK_VARIABLES[@]}"; do
    [[ "$keep" == *" $name "* ]] || others+=(-u "$name")
  done
  dir="cdktf.out/stacks/$stack"
  env "${others[@]}" terraform -chdir="$dir" init -input=false -lockfile=readonly
  env "${others[@]}" terraform -chdir="$dir" plan -lock=false -input=false -out=tfplan
  env "${others[@]}" terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
done
