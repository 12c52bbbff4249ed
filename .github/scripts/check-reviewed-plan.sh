#!/usr/bin/env bash
# For apply.yml's review job: this run's plan ($FINGERPRINT) may be applied only if a human was
# shown a plan of that fingerprint before the approval: the one the merged pull request's plan
# comment recorded before the merge ($PR_FINGERPRINT, or why there is none: $PR_PROBLEM,
# $PR_MISMATCH), or the one plan.yml recorded for this commit after it ($MAIN_FINGERPRINT of run
# $MAIN_RUN, or why there is none: $MAIN_PROBLEM). Says which on the run page, sets the step
# outputs `check` (pr, main or unreviewed) and `verdict`, and fails when it is neither. There is no
# switch to turn this off (docs/workflows.md, "Applying a stack").
set -euo pipefail
main_run="$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$MAIN_RUN"
pr_reason="${PR_PROBLEM:-$PR_MISMATCH}"
if [ -n "$PR_FINGERPRINT" ] && [ "$FINGERPRINT" = "$PR_FINGERPRINT" ]; then
  check=pr verdict=""
elif [ -n "$MAIN_FINGERPRINT" ] && [ "$FINGERPRINT" = "$MAIN_FINGERPRINT" ]; then
  check=main verdict="$pr_reason"
else
  check=unreviewed
  main_reason="${MAIN_PROBLEM:-the plan of this commit that plan.yml run $MAIN_RUN showed differs too: the state changed since (drift, or another apply)}"
  verdict="$pr_reason; $main_reason"
fi
{
  echo "check=$check"
  echo "verdict=$verdict"
} >> "$GITHUB_OUTPUT"
{
  echo "### Was this plan shown for review?"
  echo
  case "$check" in
    pr)
      echo "Yes: this plan of \`$STACK\` has the fingerprint \`${FINGERPRINT:0:16}\` that pull request #$PR's plan comment recorded before it merged."
      ;;
    main)
      echo "Yes: this plan of \`$STACK\` has the fingerprint \`${FINGERPRINT:0:16}\` that [plan.yml run $MAIN_RUN]($main_run) recorded for this commit after it merged; that run's page shows the same plan."
      echo
      echo "It is not the plan reviewed in the pull request: $verdict."
      ;;
    *)
      echo "**No, so nothing is applied**: $verdict."
      echo
      echo "Run plan.yml on main by hand (Actions → plan → Run workflow), read its plan on its run page, then run apply again."
      ;;
  esac
} >> "$GITHUB_STEP_SUMMARY"
if [ "$check" = unreviewed ]; then
  echo "::error::no plan shown for review has this plan's fingerprint: $verdict"
  exit 1
fi
