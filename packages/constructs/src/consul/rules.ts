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
  /** Access to ACL management. @default none */
  readonly acl?: ConsulPolicy;
  /** Access to cluster operator actions. @default none */
  readonly operator?: ConsulPolicy;
  /** Access to service mesh configuration. @default none */
  readonly mesh?: ConsulPolicy;
  /** Access to cluster peering. @default none */
  readonly peering?: ConsulPolicy;
  /** Access to the gossip keyring. @default none */
  readonly keyring?: ConsulPolicy;
  /** Access to agents, by node name. @default none */
  readonly agent?: ConsulNamedRules;
  /** Access to agents, by node name prefix. @default none */
  readonly agentPrefix?: ConsulNamedRules;
  /** Access to user events, by name. @default none */
  readonly event?: ConsulNamedRules;
  /** Access to user events, by name prefix. @default none */
  readonly eventPrefix?: ConsulNamedRules;
  /** Access to KV keys, by key. @default none */
  readonly key?: ConsulNamedRules<ConsulKeyPolicy>;
  /** Access to KV keys, by key prefix. @default none */
  readonly keyPrefix?: ConsulNamedRules<ConsulKeyPolicy>;
  /** Access to nodes, by name. @default none */
  readonly node?: ConsulNamedRules;
  /** Access to nodes, by name prefix. @default none */
  readonly nodePrefix?: ConsulNamedRules;
  /** Access to prepared queries, by name. @default none */
  readonly query?: ConsulNamedRules;
  /** Access to prepared queries, by name prefix. @default none */
  readonly queryPrefix?: ConsulNamedRules;
  /** Access to services, by name. @default none */
  readonly service?: ConsulNamedRules;
  /** Access to services, by name prefix. @default none */
  readonly servicePrefix?: ConsulNamedRules;
  /** Access to sessions, by node name. @default none */
  readonly session?: ConsulNamedRules;
  /** Access to sessions, by node name prefix. @default none */
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
