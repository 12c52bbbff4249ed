#!/usr/bin/env bash
# For plan-pr.yml: lays a pull request's DATA files (never its code) over main's checkout. Fetches
# the head commit $HEAD_SHA of $HEAD_REPOSITORY as git objects; `npm run pr-data` takes the data
# files from them, or exits 10 when the pull request changes code. Records the commits planned
# (summary/head-sha, summary/base-sha) and whether anything is planned (summary/planned and the
# step output `plan`).
set -euo pipefail
mkdir -p summary
printf '%s\n' "$HEAD_SHA" > summary/head-sha
git rev-parse HEAD > summary/base-sha
git fetch --no-tags --quiet "https://github.com/$HEAD_REPOSITORY.git" "$HEAD_SHA"
status=0
npm run --silent pr-data -- --head "$HEAD_SHA" || status=$?
case "$status" in
  0) echo "plan=true" >> "$GITHUB_OUTPUT"; echo true > summary/planned ;;
  10) echo "plan=false" >> "$GITHUB_OUTPUT"; echo false > summary/planned ;;
  *) exit "$status" ;;
esac
