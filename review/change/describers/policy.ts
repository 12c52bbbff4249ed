import { textDiff } from "../../text-diff";
import {
  beforeAfter,
  body,
  changed,
  changedAttributes,
  code,
  type Describer,
  type Draft,
  follow,
  type OutputView,
  restChanged,
  text,
} from "./shared";

/** Policies and grants (Nomad, Consul, Vault): always sensitive, with a small rule diff. */

const MAX_RULE_DIFF_LINES = 40;

/** A policy's rule change, capped so one policy cannot flood the summary. */
export const ruleDiff = (before: string, after: string): string =>
  textDiff(before, after, { maxLines: MAX_RULE_DIFF_LINES });

export const policy =
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
        return [...drafts, ...restChanged(change, [rulesKey], `${label} ${name}`, { sensitive: true })];
      }
      default:
        return undefined;
    }
  };

/**
 * Names of granted policies, from a list of strings or of `{ name }` blocks (Nomad roles), with
 * references to policies of the same stack replaced by their names.
 */
function policyNames(value: unknown, side: OutputView | undefined): string[] {
  if (!Array.isArray(value)) return typeof value === "string" ? [value] : [];
  return value.map((v) => {
    const name = v !== null && typeof v === "object" && "name" in v ? v.name : v;
    return follow(name, side, referencedAttribute(name)) ?? text(name);
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
export const grant =
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
        return [
          ...drafts,
          ...restChanged(change, field ? [field] : [], `${label} ${name}`, { sensitive: true }),
        ];
      }
      default:
        return undefined;
    }
  };

/** `vault_generic_endpoint`: a raw write to a Vault path, e.g. a secrets engine role with policies. */
export const vaultEndpoint: Describer = (change, context) => {
  const path = code(body(change).path);
  const policies = (b?: Readonly<Record<string, unknown>>, side?: OutputView) => {
    try {
      const data = JSON.parse(String(b?.data_json ?? "{}")) as Record<string, unknown>;
      return data.policies === undefined ? undefined : policyNames(data.policies, side);
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
    default:
      return undefined;
  }
};
