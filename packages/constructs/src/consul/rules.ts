import { type HclBlock, type HclValue, renderHcl } from "../terraform/hcl";

/** Disposition of a Consul rule. */
export type ConsulPolicy = "read" | "write" | "deny";
/** Key rules also accept `list` (list keys without reading values). */
export type ConsulKeyPolicy = ConsulPolicy | "list";

/** Rules keyed by exact name or by prefix (`""` matches everything). */
export type ConsulNamedRules<P extends string = ConsulPolicy> = Readonly<Record<string, P>>;

/**
 * A Consul ACL policy's rules, one field per documented resource. Named resources take a map of
 * name (or prefix) to disposition; the cluster-wide ones take a disposition.
 */
export interface ConsulRules {
  readonly acl?: ConsulPolicy;
  readonly operator?: ConsulPolicy;
  readonly mesh?: ConsulPolicy;
  readonly peering?: ConsulPolicy;
  readonly keyring?: ConsulPolicy;
  readonly agent?: ConsulNamedRules;
  readonly agentPrefix?: ConsulNamedRules;
  readonly event?: ConsulNamedRules;
  readonly eventPrefix?: ConsulNamedRules;
  readonly key?: ConsulNamedRules<ConsulKeyPolicy>;
  readonly keyPrefix?: ConsulNamedRules<ConsulKeyPolicy>;
  readonly node?: ConsulNamedRules;
  readonly nodePrefix?: ConsulNamedRules;
  readonly query?: ConsulNamedRules;
  readonly queryPrefix?: ConsulNamedRules;
  readonly service?: ConsulNamedRules;
  readonly servicePrefix?: ConsulNamedRules;
  readonly session?: ConsulNamedRules;
  readonly sessionPrefix?: ConsulNamedRules;
}

/** Cluster-wide resources, rendered as `<name> = "<policy>"` in this order. */
export const CONSUL_SCALAR_RESOURCES = ["acl", "operator", "mesh", "peering", "keyring"] as const;

/** Named resources and their HCL block types, rendered in this order. */
export const CONSUL_NAMED_RESOURCES = [
  ["agent", "agent"],
  ["agentPrefix", "agent_prefix"],
  ["event", "event"],
  ["eventPrefix", "event_prefix"],
  ["key", "key"],
  ["keyPrefix", "key_prefix"],
  ["node", "node"],
  ["nodePrefix", "node_prefix"],
  ["query", "query"],
  ["queryPrefix", "query_prefix"],
  ["service", "service"],
  ["servicePrefix", "service_prefix"],
  ["session", "session"],
  ["sessionPrefix", "session_prefix"],
] as const;

/**
 * Renders rules in Consul's HCL rule syntax: cluster-wide attributes first, then one block per
 * named rule, by resource in the order above and by name within a resource (sorted), so the text
 * does not depend on how the rules object was built.
 */
export function renderConsulRules(rules: ConsulRules): string {
  const attributes: (readonly [string, HclValue | undefined])[] = CONSUL_SCALAR_RESOURCES.map((r) => [
    r,
    rules[r],
  ]);
  const blocks: HclBlock[] = [];
  for (const [field, type] of CONSUL_NAMED_RESOURCES) {
    const named: Readonly<Record<string, string>> = rules[field] ?? {};
    for (const name of Object.keys(named).sort()) {
      blocks.push({ type, labels: [name], body: { attributes: [["policy", named[name]]] } });
    }
  }
  return renderHcl({ attributes, blocks });
}

/** Number of rules (scalar and named), to refuse an empty policy. */
export function countConsulRules(rules: ConsulRules): number {
  const scalars = CONSUL_SCALAR_RESOURCES.filter((r) => rules[r] !== undefined).length;
  const named = CONSUL_NAMED_RESOURCES.reduce((n, [field]) => n + Object.keys(rules[field] ?? {}).length, 0);
  return scalars + named;
}
