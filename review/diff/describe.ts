import { dnsRecord, recordSetView, viewDigitalOcean } from "./describers/dns";
import { describerForKind } from "./describers/generic";
import {
  githubMembership,
  githubRepository,
  githubTeam,
  githubTeamMembers,
  githubTeamMembership,
  githubTeamRepository,
} from "./describers/github";
import { grant, policy, vaultEndpoint } from "./describers/policy";
import type { Describer, Draft, ReviewContext } from "./describers/shared";
import type { Action, Change, HumanLine, SynthOutput } from "./model";

/**
 * Turns resource changes into sentences a reviewer understands without knowing Terraform:
 * "adds @alice to pkg-committers (member)". Each describer knows one resource type and reads only
 * attribute names of the provider's documented schema; anything unknown gets a generic sentence,
 * so a new resource type is never silently left out.
 */

/** Human lines for every change, sorted: sensitive warnings, deletions, then the rest. */
export function describeChanges(
  changes: readonly Change[],
  base: SynthOutput,
  head: SynthOutput,
  review: ReviewContext = {},
): HumanLine[] {
  const grouped = new Map<string, { draft: Draft; line: HumanLine }[]>();
  const lines: HumanLine[] = [];
  for (const change of changes) {
    const context = { base: base.get(change.stack), head: head.get(change.stack), review };
    const describer = DESCRIBERS[change.type] ?? describerForKind(change);
    for (const draft of describer(change, context)) {
      const line = toLine(change, draft);
      if (!draft.group) {
        lines.push(line);
        continue;
      }
      const key = `${change.stack}\0${draft.group.key}`;
      grouped.set(key, [...(grouped.get(key) ?? []), { draft, line }]);
    }
  }
  for (const members of grouped.values()) {
    if (members.length === 1) {
      lines.push(members[0].line);
      continue;
    }
    const [{ draft, line }] = members;
    lines.push({
      ...line,
      text: draft.group?.summary(members.length) ?? line.text,
      items: members.map((m) => m.line.text).sort(),
      addresses: members.flatMap((m) => m.line.addresses),
    });
  }
  return lines.sort(compareLines);
}

function toLine(change: Change, draft: Draft): HumanLine {
  const sensitive = draft.sensitive ?? false;
  return {
    stack: change.stack,
    severity: sensitive || change.action === "delete" ? "warning" : "info",
    sensitive,
    action: change.action,
    text: draft.text,
    ...(draft.ruleDiff !== undefined && { ruleDiff: draft.ruleDiff }),
    addresses: [change.address],
  };
}

const ACTION_RANK: Record<Action, number> = { delete: 0, update: 1, create: 2 };
const lineRank = (l: HumanLine) => (l.severity === "info" ? 2 : l.sensitive ? 0 : 1);

function compareLines(a: HumanLine, b: HumanLine): number {
  return (
    lineRank(a) - lineRank(b) ||
    a.stack.localeCompare(b.stack, "en") ||
    ACTION_RANK[a.action] - ACTION_RANK[b.action] ||
    a.text.localeCompare(b.text, "en")
  );
}

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
