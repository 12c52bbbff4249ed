import { type HclBlock, renderHcl } from "../terraform/hcl";

/** Coarse disposition of a namespace rule. */
export type NamespacePolicy = "deny" | "read" | "write" | "scale";

/** Fine-grained namespace capabilities, as documented in Nomad's ACL policy specification. */
export const NAMESPACE_CAPABILITIES = [
  "deny",
  "list-jobs",
  "parse-job",
  "read-job",
  "submit-job",
  "dispatch-job",
  "read-logs",
  "read-fs",
  "alloc-exec",
  "alloc-node-exec",
  "alloc-lifecycle",
  "csi-register-plugin",
  "csi-write-volume",
  "csi-read-volume",
  "csi-list-volume",
  "csi-mount-volume",
  "host-volume-create",
  "host-volume-register",
  "host-volume-read",
  "host-volume-write",
  "host-volume-delete",
  "list-scaling-policies",
  "read-scaling-policy",
  "read-job-scaling",
  "scale-job",
  "sentinel-override",
  "submit-recommendation",
] as const;
export type NamespaceCapability = (typeof NAMESPACE_CAPABILITIES)[number];

/** Capabilities on variable paths inside a namespace rule. */
export const VARIABLE_CAPABILITIES = ["write", "read", "list", "destroy", "deny"] as const;
export type VariableCapability = (typeof VARIABLE_CAPABILITIES)[number];

/** Disposition of the node, agent, operator and quota rules. */
export type CoarsePolicy = "deny" | "read" | "write";
/** Disposition of the plugin rule (`list` lists CSI plugins without detail). */
export type PluginPolicy = "deny" | "read" | "list";

/** Disposition and capabilities of host volume rules. */
export type HostVolumePolicy = "deny" | "read" | "write";
export const HOST_VOLUME_CAPABILITIES = ["deny", "mount-readonly", "mount-readwrite"] as const;
export type HostVolumeCapability = (typeof HOST_VOLUME_CAPABILITIES)[number];

/** Access to variables under one path (glob) of a namespace. */
export interface VariablePathRule {
  /** Variable path or glob, e.g. `nomad/jobs/nginx` or `project/*`. */
  readonly path: string;
  /** What the holder may do there. */
  readonly capabilities: readonly VariableCapability[];
}

/** One `namespace "<label>"` block of a rendered policy. */
export interface NamespaceRuleDocument {
  /** Namespace name or glob. */
  readonly label: string;
  /** Coarse disposition. @default none (capabilities only) */
  readonly policy?: NamespacePolicy;
  /** Fine-grained capabilities in addition to `policy`. @default none */
  readonly capabilities?: readonly NamespaceCapability[];
  /** Access to variables by path. @default none */
  readonly variables?: readonly VariablePathRule[];
}

/** One `host_volume "<label>"` block. */
export interface HostVolumeRuleDocument {
  /** Host volume name or glob. */
  readonly label: string;
  /** Coarse disposition. @default none (capabilities only) */
  readonly policy?: HostVolumePolicy;
  /** Fine-grained capabilities in addition to `policy`. @default none */
  readonly capabilities?: readonly HostVolumeCapability[];
}

/** A whole Nomad ACL policy, as plain data. */
export interface NomadPolicyDocument {
  /** `namespace` blocks, in this order. @default none */
  readonly namespaces?: readonly NamespaceRuleDocument[];
  /** `host_volume` blocks, in this order. @default none */
  readonly hostVolumes?: readonly HostVolumeRuleDocument[];
  /** The `node` rule. @default none */
  readonly node?: CoarsePolicy;
  /** The `agent` rule. @default none */
  readonly agent?: CoarsePolicy;
  /** The `operator` rule. @default none */
  readonly operator?: CoarsePolicy;
  /** The `quota` rule. @default none */
  readonly quota?: CoarsePolicy;
  /** The `plugin` rule (CSI plugins). @default none */
  readonly plugin?: PluginPolicy;
}

/**
 * Renders a policy in Nomad's HCL policy syntax. Blocks come in a fixed order (namespaces and host
 * volumes in the given order, then node, agent, operator, quota, plugin); capabilities are
 * de-duplicated and listed in Nomad's documented order, so equal policies render identically.
 */
export function renderNomadPolicy(doc: NomadPolicyDocument): string {
  const blocks: HclBlock[] = [];
  for (const rule of doc.namespaces ?? []) {
    blocks.push({
      type: "namespace",
      labels: [rule.label],
      body: {
        attributes: [
          ["policy", rule.policy],
          ["capabilities", rule.capabilities && canonical(rule.capabilities, NAMESPACE_CAPABILITIES)],
        ],
        blocks:
          rule.variables && rule.variables.length > 0
            ? [
                {
                  type: "variables",
                  body: {
                    blocks: rule.variables.map((v) => ({
                      type: "path",
                      labels: [v.path],
                      body: {
                        attributes: [["capabilities", canonical(v.capabilities, VARIABLE_CAPABILITIES)]],
                      },
                    })),
                  },
                },
              ]
            : [],
      },
    });
  }
  for (const rule of doc.hostVolumes ?? []) {
    blocks.push({
      type: "host_volume",
      labels: [rule.label],
      body: {
        attributes: [
          ["policy", rule.policy],
          ["capabilities", rule.capabilities && canonical(rule.capabilities, HOST_VOLUME_CAPABILITIES)],
        ],
      },
    });
  }
  for (const scope of ["node", "agent", "operator", "quota", "plugin"] as const) {
    const policy = doc[scope];
    if (policy !== undefined) blocks.push({ type: scope, body: { attributes: [["policy", policy]] } });
  }
  return renderHcl({ blocks });
}

/** Members of `values` in the order of `order`, each once. */
export function canonical<T extends string>(values: readonly T[], order: readonly T[]): T[] {
  return order.filter((item) => values.includes(item));
}
