#!/usr/bin/env bash
# For apply.yml's apply job, in environment production: applies exactly the saved plan that
# check-fingerprint.sh compared with the reviewed one; terraform refuses it if the state changed
# after it was made.
set -euo pipefail
terraform -chdir="cdktf.out/stacks/$STACK" apply -input=false tfplan
