import { type HclBlock, renderHcl } from "../terraform/hcl";

/** Vault's path capabilities, in the order its documentation lists them. */
export const VAULT_CAPABILITIES = [
  "create",
  "read",
  "update",
  "patch",
  "delete",
  "list",
  "sudo",
  "deny",
] as const;
export type VaultCapability = (typeof VAULT_CAPABILITIES)[number];

/** Access to one path (or glob / `+` segment pattern) in Vault. */
export interface VaultPathRule {
  /** Path, e.g. `secret/*` or `nomad/creds/apps-admin`. */
  readonly path: string;
  /** What the holder may do there. */
  readonly capabilities: readonly VaultCapability[];
  /** Rendered as a `#` comment above the rule. @default none */
  readonly description?: string;
  /** Parameters that may be set, each to one of the listed values (`[]` = any value). @default all */
  readonly allowedParameters?: Readonly<Record<string, readonly string[]>>;
  /** Parameters that may not be set (to the listed values; `[]` = any value). @default none */
  readonly deniedParameters?: Readonly<Record<string, readonly string[]>>;
  /** Parameters every request must set. @default none */
  readonly requiredParameters?: readonly string[];
  /** Minimum response-wrapping TTL, e.g. `1s`. @default none */
  readonly minWrappingTtl?: string;
  /** Maximum response-wrapping TTL, e.g. `90s`. @default none */
  readonly maxWrappingTtl?: string;
}

/**
 * Renders rules in Vault's HCL policy syntax, one `path` block per rule in the given order.
 * Capabilities are de-duplicated and listed in Vault's documented order, and parameter maps are
 * sorted by name, so equal rules always render identically.
 */
export function renderVaultPolicy(rules: readonly VaultPathRule[]): string {
  const blocks: HclBlock[] = rules.map((rule) => ({
    type: "path",
    labels: [rule.path],
    comment: rule.description,
    body: {
      attributes: [
        ["capabilities", VAULT_CAPABILITIES.filter((c) => rule.capabilities.includes(c))],
        ["allowed_parameters", parameterMap(rule.allowedParameters)],
        ["denied_parameters", parameterMap(rule.deniedParameters)],
        ["required_parameters", rule.requiredParameters && [...rule.requiredParameters].sort()],
        ["min_wrapping_ttl", rule.minWrappingTtl],
        ["max_wrapping_ttl", rule.maxWrappingTtl],
      ],
    },
  }));
  return renderHcl({ blocks });
}

function parameterMap(parameters: Readonly<Record<string, readonly string[]>> | undefined) {
  if (parameters === undefined) return undefined;
  const names = Object.keys(parameters).sort();
  return { entries: names.map((name) => [name, parameters[name]] as const) };
}
