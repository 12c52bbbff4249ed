import type { ReviewContext } from "./context";
import { ARTIFACT_DESCRIBERS } from "./describers/artifacts";
import { dnsRecord, recordSetView, viewDigitalOcean } from "./describers/dns";
import { describerForKind, genericAction } from "./describers/generic";
import {
  githubMembership,
  githubRepository,
  githubTeam,
  githubTeamMembers,
  githubTeamMembership,
  githubTeamRepository,
} from "./describers/github";
import { grant, policy, vaultEndpoint } from "./describers/policy";
import type { Context, Describer, Draft, OutputView } from "./describers/shared";
import { ACTIONS, type Change, DESTRUCTIVE_ACTIONS, type HumanLine } from "./model";

/**
 * Turns changes into sentences a reviewer understands without knowing Terraform: "adds @alice to
 * pkg-committers (member)". The review diff and the plan summary both call this, so both comments
 * say the same thing of the same change. Each describer knows one resource type (or one kind of
 * artifact entry) and reads only attribute names of the provider's documented schema; anything
 * unknown gets a generic sentence, so a new type is never silently left out.
 */

/** Both sides of each output, to follow references (absent on a side the output does not have). */
export interface Sides {
  readonly base: (output: string) => OutputView | undefined;
  readonly head: (output: string) => OutputView | undefined;
}

/**
 * Human lines for every change, sorted: grants of power, then deletions and removals (all marked
 * as warnings), then the rest. Identical sentences of one output are one line.
 */
export function describeChanges(
  changes: readonly Change[],
  sides: Sides,
  review: ReviewContext = {},
): HumanLine[] {
  const grouped = new Map<string, { draft: Draft; line: HumanLine }[]>();
  const lines = new Map<string, HumanLine>();
  const add = (line: HumanLine) => {
    const key = `${line.stack}\0${line.severity}\0${line.text}`;
    const same = lines.get(key);
    lines.set(key, same ? merge(same, line) : line);
  };
  for (const change of changes) {
    const context: Context = { base: sides.base(change.stack), head: sides.head(change.stack), review };
    for (const draft of draftsOf(change, context)) {
      const line = toLine(change, draft);
      if (!draft.group) {
        add(line);
        continue;
      }
      const key = `${change.stack}\0${draft.group.key}`;
      grouped.set(key, [...(grouped.get(key) ?? []), { draft, line }]);
    }
  }
  for (const members of grouped.values()) {
    const [first] = members;
    if (!first) continue;
    if (members.length === 1) {
      add(first.line);
      continue;
    }
    add({
      ...first.line,
      severity: members.some((m) => m.line.severity === "warning") ? "warning" : "info",
      sensitive: members.some((m) => m.line.sensitive),
      text: first.draft.group?.summary(members.length) ?? first.line.text,
      items: [...new Set(members.map((m) => m.line.text))].sort(),
      addresses: members.flatMap((m) => m.line.addresses),
      ...peopleOf(members.flatMap((m) => m.line.people ?? [])),
    });
  }
  const outputs = [...new Set(changes.map((c) => c.stack))];
  return [...lines.values()].sort(
    (a, b) =>
      lineRank(a) - lineRank(b) ||
      outputs.indexOf(a.stack) - outputs.indexOf(b.stack) ||
      ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action) ||
      BY_TEXT.compare(a.text, b.text),
  );
}

/** Sentences in natural order (`host-2` before `host-10`); one collator, not one per comparison. */
const BY_TEXT = new Intl.Collator("en", { numeric: true });

/** The sentences of one change: its type's describer, or the generic one for its action. */
function draftsOf(change: Change, context: Context): Draft[] {
  const own = DESCRIBERS[change.type] ?? ARTIFACT_DESCRIBERS[change.type];
  // A replacement changes the object as an update would, by destroying it first.
  if (change.action === "replace")
    return own?.({ ...change, action: "update" }, context) ?? genericAction(change);
  return (own ?? describerForKind(change))(change, context) ?? genericAction(change);
}

function toLine(change: Change, draft: Draft): HumanLine {
  const sensitive = draft.sensitive ?? false;
  const warns =
    sensitive ||
    (draft.derived !== true && (draft.removes === true || DESTRUCTIVE_ACTIONS.includes(change.action)));
  return {
    stack: change.stack,
    severity: warns ? "warning" : "info",
    sensitive,
    action: change.action,
    text: draft.text,
    ...(draft.ruleDiff !== undefined && { ruleDiff: draft.ruleDiff }),
    addresses: [change.address],
    ...peopleOf(draft.people ?? []),
  };
}

const peopleOf = (logins: readonly string[]) =>
  logins.length > 0 ? { people: [...new Set(logins.map((l) => l.toLowerCase()))].sort() } : {};

function merge(a: HumanLine, b: HumanLine): HumanLine {
  return {
    ...a,
    sensitive: a.sensitive || b.sensitive,
    addresses: [...a.addresses, ...b.addresses],
    ...peopleOf([...(a.people ?? []), ...(b.people ?? [])]),
  };
}

const lineRank = (l: HumanLine) => (l.severity === "info" ? 2 : l.sensitive ? 0 : 1);

/** One describer per resource type some construct creates (a test holds this list to the constructs). */
export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  github_membership: githubMembership,
  github_team_membership: githubTeamMembership,
  github_team_members: githubTeamMembers,
  github_team: githubTeam,
  github_repository: githubRepository,
  github_team_repository: githubTeamRepository,
  digitalocean_record: dnsRecord(viewDigitalOcean),
  aws_route53_record: dnsRecord(recordSetView("records")),
  google_dns_record_set: dnsRecord(recordSetView("rrdatas")),
  nomad_acl_policy: policy("Nomad ACL policy", "rules_hcl"),
  consul_acl_policy: policy("Consul ACL policy", "rules"),
  vault_policy: policy("Vault policy", "policy"),
  vault_generic_endpoint: vaultEndpoint,
  nomad_acl_role: grant("Nomad ACL role", ["name"]),
  consul_acl_role: grant("Consul ACL role", ["name"]),
  vault_ldap_auth_backend_group: grant("LDAP group", ["groupname"]),
};
