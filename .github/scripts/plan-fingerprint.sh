#!/usr/bin/env bash
# Prints one SHA-256 over what a plan would change: every resource change other than a no-op
# (address, actions, before, after, unknown-after) and the output changes, with sorted keys.
# Timestamps and Terraform's own metadata are left out, so two plans of the same change by
# different runs compare equal, and any difference in what would be done does not.
# Usage: plan-fingerprint.sh <plan.json from `terraform show -json`>
set -euo pipefail
if [ "$#" -ne 1 ]; then
  echo "usage: $0 <plan.json>" >&2
  exit 2
fi
jq -cS '{
  resources: [
    .resource_changes[]?
    | select(.change.actions != ["no-op"])
    | {address, actions: .change.actions, before: .change.before, after: .change.after,
       after_unknown: .change.after_unknown}
  ],
  outputs: (.output_changes // {})
}' "$1" | sha256sum | cut -d' ' -f1
