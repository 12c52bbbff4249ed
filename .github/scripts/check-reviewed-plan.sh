#!/usr/bin/env bash
# For apply.yml's review job: compares this run's plan ($FINGERPRINT) with the one the merged pull
# request's plan comment recorded ($PR_FINGERPRINT, or why there is none: $PR_PROBLEM,
# $PR_MISMATCH), says so on the run page, sets the step outputs `check` (matched, differs,
# unreviewed) and `verdict`, and fails unless they match while $REQUIRE_PR_PLAN is true.
set -euo pipefail
if [ -n "$PR_PROBLEM" ]; then
  check=unreviewed verdict="$PR_PROBLEM"
elif [ -n "$PR_FINGERPRINT" ] && [ "$FINGERPRINT" = "$PR_FINGERPRINT" ]; then
  check=matched verdict=""
else
  check=differs verdict="${PR_MISMATCH:-the plan differs from the one reviewed in the pull request}"
fi
{
  echo "check=$check"
  echo "verdict=$verdict"
} >> "$GITHUB_OUTPUT"
{
  echo "### Reviewed in the pull request?"
  echo
  if [ "$check" = matched ]; then
    echo "Yes: this plan of \`$STACK\` has the fingerprint \`${FINGERPRINT:0:16}\` that pull request #$PR's plan comment recorded."
  elif [ "$REQUIRE_PR_PLAN" = true ]; then
    echo "**No, so nothing is applied**: $verdict."
  else
    echo "**No**: $verdict. \`require_pr_plan\` is off: the approver reviews the plan above alone."
  fi
} >> "$GITHUB_STEP_SUMMARY"
if [ "$check" != matched ]; then
  if [ "$REQUIRE_PR_PLAN" = true ]; then
    echo "::error::not the plan reviewed in the pull request: $verdict"
    exit 1
  fi
  echo "::warning::not the plan reviewed in the pull request: $verdict"
fi
