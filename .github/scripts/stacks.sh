# shellcheck shell=bash disable=SC2034 # (the scripts that source this file read the arrays)
# Generated from stacks/registry.ts by `npm run stacks`; edit that file, not these lines.
# Sourced by the scripts that plan every stack: the stacks in order, every variable a stack's
# Terraform reads besides the state server's, and the ones each stack reads (variables_of).
STACKS=(
  github
  fastly
  digitalocean
  hashistack
  tls
)
STACK_VARIABLES=(
  GITHUB_TOKEN
  FASTLY_API_KEY
  DIGITALOCEAN_TOKEN
  SPACES_ACCESS_KEY_ID
  SPACES_SECRET_ACCESS_KEY
  NOMAD_ADDR
  NOMAD_TOKEN
  CONSUL_HTTP_ADDR
  CONSUL_HTTP_TOKEN
  VAULT_ADDR
  VAULT_TOKEN
  DO_AUTH_TOKEN
)

variables_of() {
  case "$1" in
    github) echo GITHUB_TOKEN ;;
    fastly) echo FASTLY_API_KEY ;;
    digitalocean) echo DIGITALOCEAN_TOKEN SPACES_ACCESS_KEY_ID SPACES_SECRET_ACCESS_KEY ;;
    hashistack) echo NOMAD_ADDR NOMAD_TOKEN CONSUL_HTTP_ADDR CONSUL_HTTP_TOKEN VAULT_ADDR VAULT_TOKEN ;;
    tls) echo NOMAD_ADDR NOMAD_TOKEN DO_AUTH_TOKEN ;;
    *) echo "unknown stack $1" >&2; return 2 ;;
  esac
}
