import { VAULT_CAPABILITIES } from "@void-linux/infra-constructs/vault/policy-document";
import { z } from "zod";
import { distinct, fields, name, text } from "./fields";

const pathRule = fields({
  path: z.string().min(1).describe("Path, glob or + segment pattern, e.g. secret/*."),
  capabilities: distinct(z.enum(VAULT_CAPABILITIES)).min(1),
  description: text.optional().describe("Rendered as a comment above the rule."),
  allowedParameters: z.record(z.string(), z.array(z.string())).optional(),
  deniedParameters: z.record(z.string(), z.array(z.string())).optional(),
  requiredParameters: z.array(z.string()).optional(),
  minWrappingTtl: z.string().optional(),
  maxWrappingTtl: z.string().optional(),
});

/** `estate/vault.yaml`: Vault's mounts, policies, Nomad roles and LDAP login. */
export const vaultSchema = fields({
  kvMount: fields({
    path: name,
    type: name,
    description: text.optional(),
    defaultLeaseTtlSeconds: z.int().min(0).optional(),
    maxLeaseTtlSeconds: z.int().min(0).optional(),
    options: z.record(z.string(), z.string()).optional(),
  }).describe("The KV secrets engine."),
  nomadSecrets: fields({
    module: name.describe("The module (estate/modules.ts) that mounts the Nomad secrets engine."),
    path: name.describe("Where it is mounted."),
  }).describe("The Nomad secrets engine the roles live in."),
  nomadRoles: z
    .array(
      fields({
        name,
        policies: distinct(name).min(1).describe("Nomad ACL policies of estate/nomad.yaml or of a module."),
      }),
    )
    .default([])
    .describe("Roles of the Nomad secrets engine: a token of a role carries its Nomad policies."),
  policies: z
    .array(
      z.union([
        fields({ name, rules: z.array(pathRule).min(1).describe("Path rules.") }),
        fields({
          name,
          nomadCredentials: name.describe("A Nomad role: the policy reads that role's tokens."),
          description: text,
        }),
      ]),
    )
    .default([])
    .describe("Policies: explicit path rules, or read access to one Nomad role's tokens."),
  ldap: fields({
    path: name.optional(),
    url: z.string().min(1),
    userdn: z.string().min(1),
    userattr: z.string().min(1),
    discoverdn: z.boolean().optional(),
    groupdn: z.string().min(1),
    groupfilter: z.string().min(1),
    groupattr: z.string().min(1),
    tokenExplicitMaxTtl: z.int().min(0).optional(),
    description: text.optional(),
    maxPageSize: z.int().optional(),
  }).describe("The LDAP auth method (NetAuth's LDAP front end)."),
  ldapGroups: z
    .array(
      fields({
        group: name.describe("The directory group."),
        policies: distinct(name).min(1).describe("Vault policies of this file or of a module."),
      }),
    )
    .default([])
    .describe("Directory groups and the Vault policies their members log in with."),
}).describe("Void's Vault: KV mount, Nomad roles, policies and LDAP login.");

export type VaultFile = z.output<typeof vaultSchema>;
