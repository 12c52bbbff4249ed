#!/usr/bin/env bash
# For drift.yml: the masked summary of stack $STACK's drift (drift/summary.md, uploaded with
# drift/status) and the job summary.
set -euo pipefail
if [ "$(cat drift/status)" = "2" ]; then
  npm run --silent plan-summary -- "cdktf.out/stacks/$STACK/plan.json" > drift/summary.md
  cat drift/summary.md >> "$GITHUB_STEP_SUMMARY"
else
  echo "No drift in stack $STACK." >> "$GITHUB_STEP_SUMMARY"
fi
