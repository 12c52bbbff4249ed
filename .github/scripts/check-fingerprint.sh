#!/usr/bin/env bash
# For apply.yml's apply job: stops unless the plan just made with the write credentials
# (cdktf.out/stacks/$STACK/plan.json) has the reviewed fingerprint ($REVIEWED_FINGERPRINT). The
# only step of its job that holds PLAN_FINGERPRINT_KEY, and it plans nothing.
set -euo pipefail
line="$(npm run --silent plan-fingerprint -- "cdktf.out/stacks/$STACK/plan.json")"
if [ "${line#* }" != "$REVIEWED_FINGERPRINT" ]; then
  echo "::error::the plan changed since it was reviewed (state or code moved); run the workflow again"
  exit 1
fi
