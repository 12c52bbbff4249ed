#!/usr/bin/env bash
# Plans every stack in $STACKS from cdktf.out (after `npm run synth`), each terraform process seeing
# only the credentials of its own stack, with the provider binaries pinned by the lock file that
# synth copied next to the stack. Writes cdktf.out/stacks/<stack>/plan.json.
set -euo pipefail

CREDENTIALS=(GITHUB_TOKEN DIGITALOCEAN_TOKEN SPACES_ACCESS_KEY_ID SPACES_SECRET_ACCESS_KEY FASTLY_API_KEY
  NOMAD_TOKEN CONSUL_HTTP_TOKEN VAULT_TOKEN DO_AUTH_TOKEN)

credentials_of() {
  case "$1" in
    github) echo GITHUB_TOKEN ;;
    digitalocean) echo DIGITALOCEAN_TOKEN SPACES_ACCESS_KEY_ID SPACES_SECRET_ACCESS_KEY ;;
    fastly) echo FASTLY_API_KEY ;;
    hashistack) echo NOMAD_TOKEN CONSUL_HTTP_TOKEN VAULT_TOKEN ;;
    tls) echo NOMAD_TOKEN DO_AUTH_TOKEN ;;
    *) echo "unknown stack $1" >&2; exit 2 ;;
  esac
}

for stack in $STACKS; do
  keep=" $(credentials_of "$stack") "
  others=()
  for name in "${CREDENTIALS[@]}"; do
    [[ "$keep" == *" $name "* ]] || others+=(-u "$name")
  done
  dir="cdktf.out/stacks/$stack"
  env "${others[@]}" terraform -chdir="$dir" init -input=false -lockfile=readonly
  env "${others[@]}" terraform -chdir="$dir" plan -lock=false -input=false -out=tfplan
  terraform -chdir="$dir" show -json tfplan > "$dir/plan.json"
done
