import { createPatch } from "diff";
import { inlineCode } from "../markdown";
import type { Action, Change, HumanLine, StackJson, SynthOutput } from "./model";

/**
 * Turns resource changes into sentences a reviewer understands without knowing Terraform:
 * "adds @alice to pkg-committers (member)". Each describer knows one resource type and reads only
 * attribute names of the provider's documented schema; anything unknown gets a generic sentence,
 * so a new resource type is never silently left out.
 */

/** What a describer returns; the stack, action and addresses are filled in from the change. */
interface Draft {
  readonly text: string;
  /** Warn even though nothing is deleted: owners, admin, policies, roles. */
  readonly sensitive?: boolean;
  readonly ruleDiff?: string;
  /** Lines of one stack sharing a group merge into one sentence when there are several. */
  readonly group?: { readonly key: string; readonly summary: (count: number) => string };
}

interface Context {
  /** The base and head versions of the change's stack, to follow `${type.name.attr}` references. */
  readonly base?: StackJson;
  readonly head?: StackJson;
}

type Describer = (change: Change, context: Context) => Draft[];

/** Human lines for every change, sorted: sensitive warnings, deletions, then the rest. */
export function describeChanges(
  changes: readonly Change[],
  base: SynthOutput,
  head: SynthOutput,
): HumanLine[] {
  const grouped = new Map<string, { draft: Draft; line: HumanLine }[]>();
  const lines: HumanLine[] = [];
  for (const change of changes) {
    const context = { base: base.get(change.stack), head: head.get(change.stack) };
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

// ---------------------------------------------------------------------------------------------
// Helpers shared by describers

const code = (value: unknown) => inlineCode(String(value));

function text(value: unknown): string {
  if (value === undefined) return "(none)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The body the change has on its side: after for create/update, before for delete. */
const body = (change: Change): Readonly<Record<string, unknown>> => change.after ?? change.before ?? {};

const changed = (change: Change, attribute: string) =>
  change.attributes.some(
    (a) => a.path === attribute || a.path.startsWith(`${attribute}.`) || a.path.startsWith(`${attribute}[`),
  );

/** Top-level attribute names that changed, e.g. `description, topics`. */
function changedAttributes(change: Change, limit = 5): string {
  const names = [...new Set(change.attributes.map((a) => a.path.split(/[.[]/)[0] || a.path))];
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

const REFERENCE = /^\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_]+\}$/;

/** The literal `attribute` of the resource a `${type.name.attr}` reference points at, if any. */
function follow(value: unknown, stack: StackJson | undefined, attribute: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = REFERENCE.exec(value);
  if (!match) return value.includes("${") ? undefined : value;
  const resources = stack?.resource as Record<string, Record<string, Record<string, unknown>>> | undefined;
  const target = resources?.[match[1]]?.[match[2]]?.[attribute];
  return typeof target === "string" && !target.includes("${") ? target : undefined;
}

/** Follows a reference in the version of the stack the change's body comes from. */
function followFor(change: Change, value: unknown, context: Context, attribute: string): string | undefined {
  const stack = change.action === "delete" ? context.base : context.head;
  return follow(value, stack, attribute) ?? follow(value, context.base ?? context.head, attribute);
}

function beforeAfter(change: Change, attribute: string): [unknown, unknown] {
  return [change.before?.[attribute], change.after?.[attribute]];
}

// ---------------------------------------------------------------------------------------------
// GitHub

const githubMembership: Describer = (change) => {
  const login = `@${text(body(change).username)}`;
  const [roleBefore, roleAfter] = beforeAfter(change, "role");
  switch (change.action) {
    case "create":
      return roleAfter === "admin"
        ? [{ text: `makes ${login} an org owner`, sensitive: true }]
        : [{ text: `adds ${login} to the organization (${text(roleAfter ?? "member")})` }];
    case "delete":
      return roleBefore === "admin"
        ? [{ text: `removes ${login} as org owner`, sensitive: true }]
        : [{ text: `removes ${login} from the organization` }];
    case "update": {
      const drafts: Draft[] = [];
      if (roleAfter === "admin" && roleBefore !== "admin")
        drafts.push({
          text: `makes ${login} an org owner (was ${text(roleBefore ?? "member")})`,
          sensitive: true,
        });
      else if (roleBefore === "admin" && roleAfter !== "admin")
        drafts.push({
          text: `removes ${login} as org owner (stays ${text(roleAfter ?? "member")})`,
          sensitive: true,
        });
      if (changed(change, "username"))
        drafts.push({
          text: `renames org ${roleAfter === "admin" ? "owner" : "member"} @${text(change.before?.username)} → ${login}`,
          sensitive: roleAfter === "admin",
        });
      return drafts.length > 0 ? drafts : genericUpdate(change);
    }
  }
};

function teamOf(change: Change, context: Context): string {
  const teamId = body(change).team_id ?? body(change).team_slug;
  return followFor(change, teamId, context, "name") ?? text(teamId);
}

const githubTeamMembership: Describer = (change, context) => {
  const login = `@${text(body(change).username)}`;
  const team = teamOf(change, context);
  const [roleBefore, roleAfter] = beforeAfter(change, "role");
  switch (change.action) {
    case "create":
      return [{ text: `adds ${login} to ${team} (${text(roleAfter ?? "member")})` }];
    case "delete":
      return [{ text: `removes ${login} from ${team}` }];
    case "update": {
      const drafts: Draft[] = [];
      if (changed(change, "role"))
        drafts.push({
          text: `changes ${login} in ${team}: ${text(roleBefore ?? "member")} → ${text(roleAfter ?? "member")}`,
        });
      if (changed(change, "username"))
        drafts.push({ text: `renames @${text(change.before?.username)} → ${login} in ${team}` });
      return drafts.length > 0 ? drafts : genericUpdate(change);
    }
  }
};

const githubTeam: Describer = (change) => {
  const team = code(body(change).name);
  switch (change.action) {
    case "create":
      return [{ text: `creates team ${team}` }];
    case "delete":
      return [{ text: `deletes team ${team} and its memberships` }];
    case "update":
      return [{ text: `changes team ${team}: ${changedAttributes(change)}` }];
  }
};

const githubRepository: Describer = (change) => {
  const repo = code(body(change).name);
  switch (change.action) {
    case "create":
      return [{ text: `adds repository ${repo}${body(change).archived === true ? " (archived)" : ""}` }];
    case "delete":
      return [{ text: `deletes repository ${repo}`, sensitive: change.before?.archive_on_destroy !== true }];
    case "update": {
      const drafts: Draft[] = [];
      const [wasArchived, isArchived] = beforeAfter(change, "archived");
      if (changed(change, "archived"))
        drafts.push({
          text: `${isArchived === true ? "archives" : wasArchived === true ? "unarchives" : "changes archiving of"} repository ${repo}`,
        });
      const rest = { ...change, attributes: change.attributes.filter((a) => a.path !== "archived") };
      if (rest.attributes.length > 0)
        drafts.push({ text: `changes repository ${repo}: ${changedAttributes(rest)}` });
      return drafts;
    }
  }
};

const githubTeamRepository: Describer = (change, context) => {
  const team = teamOf(change, context);
  const repo = code(
    followFor(change, body(change).repository, context, "name") ?? text(body(change).repository),
  );
  const [before, after] = beforeAfter(change, "permission");
  switch (change.action) {
    case "create":
      return [{ text: `grants ${team} ${text(after ?? "pull")} on ${repo}`, sensitive: after === "admin" }];
    case "delete":
      return [{ text: `revokes ${team}'s ${text(before ?? "pull")} access to ${repo}` }];
    case "update":
      return changed(change, "permission")
        ? [
            {
              text: `changes ${team} on ${repo}: ${text(before ?? "pull")} → ${text(after ?? "pull")}`,
              sensitive: before === "admin" || after === "admin",
            },
          ]
        : genericUpdate(change);
  }
};

// ---------------------------------------------------------------------------------------------
// DNS: DigitalOcean records, Route 53 record sets, Cloud DNS record sets

interface RecordView {
  readonly name: string;
  readonly type: string;
  readonly values: string;
  readonly ttl?: unknown;
}

function viewDigitalOcean(
  record: Readonly<Record<string, unknown>>,
  change: Change,
  context: Context,
): RecordView {
  const domain = followFor(change, record.domain, context, "name");
  const name = text(record.name);
  const fqdn = domain ? (name === "@" ? domain : `${name}.${domain}`) : name;
  const extras = [record.priority, record.weight, record.port].filter((v) => v !== undefined).map(text);
  const caa = record.tag === undefined ? [] : [text(record.flags ?? 0), text(record.tag)];
  return {
    name: fqdn,
    type: text(record.type),
    values: [...caa, ...extras, text(record.value)].join(" "),
    ttl: record.ttl,
  };
}

/** Record values in a sentence: references unwrapped, long TXT values (DKIM keys) shortened. */
function short(values: string): string {
  const unwrapped = values.replace(/\$\{([^}]+)\}/g, "$1");
  return unwrapped.length > MAX_VALUE_IN_LINE ? `${unwrapped.slice(0, MAX_VALUE_IN_LINE)}…` : unwrapped;
}

const MAX_VALUE_IN_LINE = 80;

const recordSetView =
  (valuesKey: string) =>
  (record: Readonly<Record<string, unknown>>): RecordView => ({
    name: text(record.name).replace(/\.$/, ""),
    type: text(record.type),
    values: Array.isArray(record[valuesKey])
      ? (record[valuesKey] as unknown[]).map(text).join(", ")
      : text(record[valuesKey]),
    ttl: record.ttl,
  });

const dnsRecord =
  (
    view: (record: Readonly<Record<string, unknown>>, change: Change, context: Context) => RecordView,
  ): Describer =>
  (change, context) => {
    const describe = (r: RecordView) => `DNS record ${code(r.name)} ${r.type} → ${code(short(r.values))}`;
    switch (change.action) {
      case "create":
        return [{ text: `adds ${describe(view(body(change), change, context))}` }];
      case "delete":
        return [
          {
            text: `removes ${describe(view(body(change), change, context))}`,
            group: { key: "dns-delete", summary: (n) => `removes ${n} DNS records` },
          },
        ];
      case "update": {
        const before = view(change.before ?? {}, change, { head: context.base });
        const after = view(change.after ?? {}, change, context);
        const parts: string[] = [];
        if (before.name !== after.name) parts.push(`name ${code(before.name)} → ${code(after.name)}`);
        if (before.type !== after.type) parts.push(`type ${before.type} → ${after.type}`);
        if (before.values !== after.values)
          parts.push(`${code(short(before.values))} → ${code(short(after.values))}`);
        if (text(before.ttl) !== text(after.ttl)) parts.push(`TTL ${text(before.ttl)} → ${text(after.ttl)}`);
        if (parts.length === 0) parts.push(changedAttributes(change));
        return [{ text: `changes DNS record ${code(after.name)} ${after.type}: ${parts.join(", ")}` }];
      }
    }
  };

// ---------------------------------------------------------------------------------------------
// Policies and grants: Nomad, Consul, Vault

const MAX_RULE_DIFF_LINES = 40;

/** A unified diff of two rule texts without file headers, capped so one policy cannot flood the summary. */
export function ruleDiff(before: string, after: string): string {
  const patch = createPatch("rules", ensureNewline(before), ensureNewline(after), undefined, undefined, {
    context: 2,
  });
  const lines = patch
    .split("\n")
    .filter((line) => line !== "\\ No newline at end of file")
    .slice(4)
    .filter((line, i, all) => i < all.length - 1 || line !== "");
  if (lines.length <= MAX_RULE_DIFF_LINES) return lines.join("\n");
  return [...lines.slice(0, MAX_RULE_DIFF_LINES), `… ${lines.length - MAX_RULE_DIFF_LINES} more lines`].join(
    "\n",
  );
}

const ensureNewline = (s: string) => (s === "" || s.endsWith("\n") ? s : `${s}\n`);

const policy =
  (label: string, rulesKey: string): Describer =>
  (change) => {
    const name = code(body(change).name);
    const [before, after] = beforeAfter(change, rulesKey);
    const diff = (b: unknown, a: unknown) =>
      ruleDiff(
        typeof b === "string" ? b : b === undefined ? "" : text(b),
        typeof a === "string" ? a : a === undefined ? "" : text(a),
      );
    switch (change.action) {
      case "create":
        return [{ text: `adds ${label} ${name}`, sensitive: true, ruleDiff: diff(undefined, after) }];
      case "delete":
        return [{ text: `removes ${label} ${name}`, sensitive: true, ruleDiff: diff(before, undefined) }];
      case "update": {
        const drafts: Draft[] = [];
        if (changed(change, rulesKey))
          drafts.push({
            text: `changes the rules of ${label} ${name}`,
            sensitive: true,
            ruleDiff: diff(before, after),
          });
        const rest = change.attributes.filter((a) => a.path !== rulesKey);
        if (rest.length > 0)
          drafts.push({
            text: `changes ${label} ${name}: ${changedAttributes({ ...change, attributes: rest })}`,
            sensitive: true,
          });
        return drafts;
      }
    }
  };

/**
 * Names of granted policies, from a list of strings or of `{ name }` blocks (Nomad roles), with
 * references to policies of the same stack replaced by their names.
 */
function policyNames(value: unknown, stack: StackJson | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === "string" ? [value] : [];
  return value.map((v) => {
    const name = v !== null && typeof v === "object" && "name" in v ? v.name : v;
    return follow(name, stack, referencedAttribute(name)) ?? text(name);
  });
}

const referencedAttribute = (value: unknown) =>
  typeof value === "string" ? (/\.([A-Za-z0-9_]+)\}$/.exec(value)?.[1] ?? "name") : "name";

/** Fields holding the policies a role, group or token grants. */
const GRANT_FIELDS = ["policies", "token_policies", "policy", "policy_ids", "identity_policies"];

/**
 * Roles, groups and tokens: anything that hands out policies. Always sensitive, with the granted
 * policies spelled out.
 */
const grant =
  (label: string, nameKeys: readonly string[]): Describer =>
  (change, context) => {
    const source = body(change);
    const nameKey = nameKeys.find((k) => source[k] !== undefined);
    const name = code(nameKey ? text(source[nameKey]) : change.name);
    const field = GRANT_FIELDS.find((f) => source[f] !== undefined || change.before?.[f] !== undefined);
    const listed = (names: string[]) => (names.length > 0 ? names.map(code).join(", ") : "no policies");
    switch (change.action) {
      case "create":
        return [
          {
            text: `adds ${label} ${name}${field ? ` granting ${listed(policyNames(source[field], context.head))}` : ""}`,
            sensitive: true,
          },
        ];
      case "delete":
        return [{ text: `removes ${label} ${name}`, sensitive: true }];
      case "update": {
        const drafts: Draft[] = [];
        if (field && changed(change, field)) {
          const before = policyNames(change.before?.[field], context.base);
          const after = policyNames(change.after?.[field], context.head);
          const added = after.filter((p) => !before.includes(p));
          const removed = before.filter((p) => !after.includes(p));
          const parts = [
            ...(added.length > 0 ? [`now grants ${listed(added)}`] : []),
            ...(removed.length > 0 ? [`no longer grants ${listed(removed)}`] : []),
          ];
          drafts.push({
            text: `${label} ${name} ${parts.join(" and ") || "reorders its policies"}`,
            sensitive: true,
          });
        }
        const rest = change.attributes.filter(
          (a) => !field || !(a.path === field || a.path.startsWith(`${field}[`)),
        );
        if (rest.length > 0)
          drafts.push({
            text: `changes ${label} ${name}: ${changedAttributes({ ...change, attributes: rest })}`,
            sensitive: true,
          });
        return drafts;
      }
    }
  };

/** `vault_generic_endpoint`: a raw write to a Vault path, e.g. a secrets engine role with policies. */
const vaultEndpoint: Describer = (change, context) => {
  const path = code(body(change).path);
  const policies = (b?: Readonly<Record<string, unknown>>, stack?: StackJson) => {
    try {
      const data = JSON.parse(String(b?.data_json ?? "{}")) as Record<string, unknown>;
      return data.policies === undefined ? undefined : policyNames(data.policies, stack);
    } catch {
      return undefined;
    }
  };
  const listed = (names: string[]) => names.map(code).join(", ") || "no policies";
  switch (change.action) {
    case "create": {
      const granted = policies(change.after, context.head);
      return [
        { text: `writes Vault ${path}${granted ? ` granting ${listed(granted)}` : ""}`, sensitive: true },
      ];
    }
    case "delete":
      return [{ text: `deletes Vault ${path}`, sensitive: true }];
    case "update": {
      const before = policies(change.before, context.base) ?? [];
      const after = policies(change.after, context.head) ?? [];
      const added = after.filter((p) => !before.includes(p));
      const removed = before.filter((p) => !after.includes(p));
      const parts = [
        ...(added.length > 0 ? [`now grants ${listed(added)}`] : []),
        ...(removed.length > 0 ? [`no longer grants ${listed(removed)}`] : []),
      ];
      return [
        {
          text: `changes Vault ${path}: ${parts.join(" and ") || changedAttributes(change)}`,
          sensitive: true,
        },
      ];
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Everything else

function genericUpdate(change: Change, sensitive = false): Draft[] {
  return [{ text: `changes ${code(change.address)}: ${changedAttributes(change)}`, sensitive }];
}

/** Resource types that grant access although no specific describer knows them. */
const SENSITIVE_TYPE =
  /^vault_|^(nomad|consul)_acl_|^github_(membership|organization_settings|actions_secret)/;

function describerForKind(change: Change): Describer {
  switch (change.kind) {
    case "backend":
      return backend;
    case "required_provider":
      return requiredProvider;
    case "provider":
      return (c) => [
        {
          text: `${verb(c.action)} the ${code(c.type)} provider configuration${c.action === "update" ? `: ${changedAttributes(c)}` : ""}`,
        },
      ];
    case "module":
      return (c) => {
        const source = text(body(c).source);
        const version = body(c).version === undefined ? "" : `@${text(body(c).version)}`;
        return c.action === "update"
          ? genericUpdate(c)
          : [
              {
                text: `${c.action === "create" ? "adds" : "removes"} module ${code(c.name)} (${source}${version})`,
              },
            ];
      };
    default:
      return genericResource;
  }
}

const verb = (action: Action) => ({ create: "adds", update: "changes", delete: "removes" })[action];

const genericResource: Describer = (change) => {
  const sensitive = change.kind === "resource" && SENSITIVE_TYPE.test(change.type);
  return change.action === "update"
    ? genericUpdate(change, sensitive)
    : [{ text: `${verb(change.action)} ${code(change.address)}`, sensitive }];
};

/** Moving state is how resources get orphaned or duplicated: a warning, except for a new stack. */
const backend: Describer = (change) => {
  const kinds = (b?: Readonly<Record<string, unknown>>) => Object.keys(b ?? {}).join(", ");
  const [before, after] = [kinds(change.before), kinds(change.after)];
  switch (change.action) {
    case "create":
      return [{ text: `keeps its state in the ${after} backend` }];
    case "delete":
      return [{ text: `drops the ${before} state backend`, sensitive: true }];
    case "update":
      return [
        {
          text:
            before === after
              ? `changes the ${before} state backend: ${changedAttributes(change)}`
              : `moves state from the ${before} backend to ${after}`,
          sensitive: true,
        },
      ];
  }
};

const requiredProvider: Describer = (change) => {
  const [before, after] = beforeAfter(change, "version");
  const name = code(text(body(change).source ?? change.name));
  switch (change.action) {
    case "create":
      return [{ text: `adds provider ${name} ${text(after)}` }];
    case "delete":
      return [{ text: `drops provider ${name}` }];
    case "update":
      return [
        {
          text: `changes provider ${name}: ${changed(change, "version") ? `${text(before)} → ${text(after)}` : changedAttributes(change)}`,
        },
      ];
  }
};

const DESCRIBERS: Readonly<Record<string, Describer>> = {
  github_membership: githubMembership,
  github_team_membership: githubTeamMembership,
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
  nomad_acl_token: grant("Nomad ACL token", ["name"]),
  consul_acl_role: grant("Consul ACL role", ["name"]),
  consul_acl_token: grant("Consul ACL token", ["description", "accessor_id"]),
  vault_ldap_auth_backend_group: grant("LDAP group", ["groupname"]),
  vault_ldap_auth_backend_user: grant("LDAP user", ["username"]),
  vault_identity_group: grant("Vault identity group", ["name"]),
  vault_jwt_auth_backend_role: grant("Vault JWT role", ["role_name"]),
  vault_approle_auth_backend_role: grant("Vault AppRole role", ["role_name"]),
  vault_token_auth_backend_role: grant("Vault token role", ["role_name"]),
  vault_kubernetes_auth_backend_role: grant("Vault Kubernetes role", ["role_name"]),
  vault_cert_auth_backend_role: grant("Vault cert role", ["name"]),
  vault_nomad_secret_role: grant("Vault Nomad secret role", ["role"]),
  vault_consul_secret_backend_role: grant("Vault Consul secret role", ["name"]),
};
