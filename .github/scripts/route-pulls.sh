#!/usr/bin/env bash
# For review-comment.yml's route job (the default branch's code, no credential): the approval
# routing of every pull request in $TARGETS (JSON [{number, head, base}], from the API), each
# computed by `npm run approvals` from git objects alone: the tip of its base branch and its head
# commit are fetched as objects and merged in memory, never checked out, never run. Writes
# routing/<number>.json; a pull request whose commits cannot be fetched or routed gets no file,
# and the approvals check then fails closed for it.
set -euo pipefail
mkdir -p routing
jq -c '.[] | [.number, .head, .base]' <<<"$TARGETS" | while IFS= read -r target; do
  number=$(jq -r '.[0]' <<<"$target")
  head=$(jq -r '.[1]' <<<"$target")
  base=$(jq -r '.[2]' <<<"$target")
  if ! [[ "$number" =~ ^[0-9]{1,9}$ && "$head" =~ ^[0-9a-f]{40}$ ]] ||
    ! git check-ref-format --branch "$base" >/dev/null 2>&1; then
    echo "::warning::skipping a target that is not {number, head, base}"
    continue
  fi
  if ! git fetch --no-tags --quiet origin "+refs/heads/$base:refs/remotes/origin/$base" "$head"; then
    echo "::warning::#$number: cannot fetch $base and $head"
    continue
  fi
  if ! npm run --silent approvals -- --base-ref "origin/$base" --head "$head" --format json > "routing/$number.json"; then
    rm -f "routing/$number.json"
    echo "::warning::#$number: no routing (the log above says why)"
  fi
done
