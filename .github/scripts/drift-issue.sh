#!/usr/bin/env bash
# For drift.yml's report job: opens, updates or closes the one issue "Drift in stack $STACK"
# (label `drift`) from the plan job's artifact, downloaded to the folder given as $1: its `status`
# (2: drift) and `summary.md`. The artifact is data: only its status is compared and its summary
# is the issue's body, through a file. Needs GH_TOKEN, GH_REPO, STACK and RUN_URL.
set -euo pipefail
drift="$1"
if [ ! -f "$drift/status" ]; then
  echo "no drift status for $STACK (its plan failed); see $RUN_URL"
  exit 0
fi
title="Drift in stack $STACK"
number="$(gh issue list --state open --label drift --limit 100 --json number,title \
  --jq "map(select(.title == \"$title\")) | .[0].number // empty")"
if [ "$(cat "$drift/status")" = "2" ]; then
  body="$(mktemp)"
  {
    echo "Nightly \`terraform plan\` of stack \`$STACK\` found changes that are not in the code."
    echo "Either apply main to restore it or change the code to match, then this issue closes itself."
    echo
    echo "Run: $RUN_URL"
    echo
    head -c 60000 "$drift/summary.md"
  } > "$body"
  if [ -n "$number" ]; then
    gh issue edit "$number" --body-file "$body"
    gh issue comment "$number" --body "Still drifting on $(date -u +%F): $RUN_URL"
  else
    gh label create drift --color D93F0B --description "Live infrastructure differs from the code" --force
    gh issue create --title "$title" --label drift --body-file "$body"
  fi
elif [ -n "$number" ]; then
  gh issue close "$number" --comment "No drift any more on $(date -u +%F): $RUN_URL"
fi
