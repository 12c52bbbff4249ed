import type { NetauthAccess } from "./access";
import { shellWord as quote } from "./shell-word";

/**
 * `netauth/reconcile.sh`: a POSIX shell script of NetAuth CLI commands (`netauth entity
 * membership`, `entity key`, `entity update`, `entity kv`) that brings NetAuth to
 * {@link NetauthAccess}. NetAuth has no import format of its own, only its CLI and gRPC API, so
 * the script is what its tooling consumes: it runs wherever the `netauth` CLI is configured (every
 * netlogon machine), needs no Node.js, and can be read before it is run. It reads NetAuth first and
 * changes only what differs, so running it twice changes nothing the second time; without
 * `--apply` it only prints the commands. The output formats it parses are those of
 * netauth/netauth's `internal/ctl` (`printEntity`, `printGroup`, `entity key` and `entity kv`).
 *
 * Every value from the data reaches the shell single-quoted; the data is checked upstream (ids,
 * group names, keys), and a value holding a control character is refused here.
 */
export function netauthScript(access: NetauthAccess): string {
  const entities = access.entities;
  const lines = [
    HEADER,
    `ACCESS_GROUPS=${quote(access.groups.map((g) => g.name).join(" "))}`,
    `ENTITIES=${quote(entities.map((e) => e.id).join(" "))}`,
    `PRIMARY_GROUP=${quote(access.primaryGroup)}`,
    "",
    "# The members each group must have, exactly.",
    "wanted_members() {",
    '  case "$1" in',
    ...access.groups.map((g) => `    ${quote(g.name)}) printf '%s\\n' ${quote(g.members.join(" "))} ;;`),
    "  esac",
    "}",
    "",
    "# Display name, email (empty: left as it is) and whether the file lists the SSH keys.",
    "entity_name() {",
    '  case "$1" in',
    ...entities.map((e) => `    ${quote(e.id)}) printf '%s\\n' ${quote(e.displayName)} ;;`),
    "  esac",
    "}",
    "entity_email() {",
    '  case "$1" in',
    ...entities.flatMap((e) =>
      e.email === undefined ? [] : [`    ${quote(e.id)}) printf '%s\\n' ${quote(e.email)} ;;`],
    ),
    "  esac",
    "}",
    "keys_managed() {",
    '  case "$1" in',
    ...entities.flatMap((e) => (e.keysManaged ? [`    ${quote(e.id)}) return 0 ;;`] : [])),
    "  esac",
    "  return 1",
    "}",
    "# The SSH keys of an entity whose file lists them, one per line.",
    "entity_keys() {",
    '  case "$1" in',
    ...entities.flatMap((e) =>
      e.keysManaged && e.keys.length > 0
        ? [`    ${quote(e.id)}) printf '%s\\n' ${e.keys.map((k) => quote(k.value)).join(" ")} ;;`]
        : [],
    ),
    "  esac",
    "}",
    BODY,
  ];
  return `${lines.join("\n")}\n`;
}

const HEADER = `#!/bin/sh
# NetAuth's access groups, and its people's names, email and SSH keys, as maintainers/ and
# estate/access.yaml say. Written by \`npm run access\`; do not edit, regenerate. docs/access.md
# has what it does and why.
#
#   sh reconcile.sh           dry run: reads NetAuth and prints every command it would run
#   sh reconcile.sh --apply   runs them, as an entity allowed to (Void: a member of dante)
#
# Before any change it checks that every group exists and has no expansion rule (else exit 2),
# and that no group would lose more than one member and more than a quarter of them (else exit
# 4, unless --confirm-removals): nothing is changed then. It never creates or destroys an
# entity: one that does not exist yet is reported with the commands that create it, the rest is
# done, and it exits 3. Other exit statuses: 0 done, 1 a netauth command failed, 64 wrong
# arguments, 69 no netauth command.
set -eu
set -f
`;

const BODY = `
apply=0
confirmed=0
for arg in "$@"; do
  case "$arg" in
    --apply) apply=1 ;;
    --confirm-removals) confirmed=1 ;;
    *) echo "usage: sh reconcile.sh [--apply] [--confirm-removals]" >&2; exit 64 ;;
  esac
done
command -v netauth >/dev/null 2>&1 || { echo "reconcile.sh: no netauth command on PATH" >&2; exit 69; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
changes=0

# One word of a list, or a value, quoted for display.
shown() {
  case "$1" in
    ''|*[!A-Za-z0-9_./:@=+-]*) printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\\\\\''/g")" ;;
    *) printf '%s' "$1" ;;
  esac
}

# A netauth command that changes something: printed, and run with --apply.
change() {
  changes=$((changes + 1))
  line=netauth
  for arg in "$@"; do line="$line $(shown "$arg")"; done
  printf '%s %s\\n' "$([ "$apply" = 1 ] && echo '$' || echo 'would run:')" "$line"
  [ "$apply" = 1 ] || return 0
  if ! said=$(netauth "$@" 2>&1); then
    printf '%s\n' "$said" >&2
    echo "reconcile.sh: stopped after $((changes - 1)) change(s); fix the cause and run again" >&2
    exit 1
  fi
}

# Whether the space-separated list $1 holds the word $2.
holds() {
  case " $1 " in *" $2 "*) return 0 ;; esac
  return 1
}

# The type and key of an OpenSSH public key line, without its comment.
material() {
  printf '%s\\n' "$1" | awk '{ print $1 " " $2 }'
}

problems=0
for group in $ACCESS_GROUPS; do
  if ! info=$(netauth group info "$group" --fields rules 2>&1); then
    echo "reconcile.sh: group $group is not in NetAuth: create it (netauth group create $group), then run again" >&2
    problems=1
  elif printf '%s\\n' "$info" | grep -q '^Rule: '; then
    echo "reconcile.sh: group $group has expansion rules, so its members are not its own: remove them (netauth group rule), then run again" >&2
    problems=1
  fi
done
[ "$problems" = 0 ] || exit 2

present=
missing=
for id in $ENTITIES; do
  if netauth entity info "$id" --fields ID >/dev/null 2>&1; then present="$present $id"; else missing="$missing $id"; fi
done

# Read every group first: a run that would empty groups (ids that do not match NetAuth's, say)
# stops before it changes anything, as peribolos stops at a removal threshold.
n=0
refused=0
for group in $ACCESS_GROUPS; do
  n=$((n + 1))
  wanted=$(wanted_members "$group")
  out=$(netauth group members "$group" --fields ID)
  have=$(printf '%s\n' "$out" | sed -n 's/^ID: //p' | tr '\n' ' ')
  printf '%s\n' "$have" >"$tmp/have.$n"
  held=0
  drops=0
  for id in $have; do
    held=$((held + 1))
    holds "$wanted" "$id" || drops=$((drops + 1))
  done
  if [ "$drops" -gt 1 ] && [ $((drops * 4)) -gt "$held" ] && [ "$confirmed" = 0 ]; then
    echo "reconcile.sh: would remove $drops of the $held members of $group, more than a quarter: check the netauth: ids in maintainers/ against NetAuth's (docs/access.md); if intended, run again with --confirm-removals" >&2
    refused=1
  fi
done
[ "$refused" = 0 ] || exit 4

n=0
for group in $ACCESS_GROUPS; do
  n=$((n + 1))
  wanted=$(wanted_members "$group")
  have=$(cat "$tmp/have.$n")
  for id in $have; do
    holds "$wanted" "$id" || change entity membership "$id" DROP "$group"
  done
  for id in $wanted; do
    holds "$present" "$id" || continue
    holds "$have" "$id" || change entity membership "$id" ADD "$group"
  done
done

for id in $present; do
  name=$(entity_name "$id")
  out=$(netauth entity info "$id" --fields displayName)
  [ "$(printf '%s\\n' "$out" | sed -n 's/^displayname: //p')" = "$name" ] ||
    change entity update "$id" --displayName "$name"

  email=$(entity_email "$id")
  if [ -n "$email" ]; then
    out=$(netauth entity kv "$id" READ email)
    [ "$(printf '%s\\n' "$out" | sed -n 's/^  //p')" = "$email" ] || change entity kv "$id" UPSERT email "$email"
  fi

  keys_managed "$id" || continue
  entity_keys "$id" >"$tmp/wanted"
  out=$(netauth entity key --entityID "$id" READ SSH)
  printf '%s\\n' "$out" | sed -n 's/^  //p' >"$tmp/have"
  while IFS= read -r key; do
    [ -n "$key" ] || continue
    held=$(material "$key")
    awk -v held="$held" '$1 " " $2 == held { found = 1 } END { exit !found }' "$tmp/wanted" ||
      change entity key --entityID "$id" DROP "$held"
  done <"$tmp/have"
  while IFS= read -r key; do
    [ -n "$key" ] || continue
    wanted=$(material "$key")
    awk -v wanted="$wanted" '$1 " " $2 == wanted { found = 1 } END { exit !found }' "$tmp/have" ||
      change entity key --entityID "$id" ADD SSH "$key"
  done <"$tmp/wanted"
done

if [ "$apply" = 1 ]; then
  echo "reconcile.sh: $changes change(s) made"
elif [ "$changes" -gt 0 ]; then
  echo "reconcile.sh: $changes change(s) to make; nothing was changed (run with --apply)"
else
  echo "reconcile.sh: NetAuth already matches the files"
fi
if [ -n "$missing" ]; then
  echo "reconcile.sh: not in NetAuth yet, so in none of their groups:$missing" >&2
  echo "  create each (the number must be in the range nsscache caches), then run again:" >&2
  for id in $missing; do
    echo "  netauth entity create $id --number <uid> && netauth entity update $id --primary-group $PRIMARY_GROUP --shell /bin/bash" >&2
  done
  exit 3
fi`;
