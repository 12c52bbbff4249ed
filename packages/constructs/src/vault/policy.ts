import { Policy } from "@cdktf/provider-vault/lib/policy";
import { Construct, type ITerraformDependable, TerraformStack } from "../cdktf";
import { check } from "../core";
import { declare } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import type { RegistryModule } from "../terraform/registry-module";
import { renderVaultPolicy, VAULT_CAPABILITIES, type VaultPathRule } from "./policy-document";

/** Anything that names a Vault policy. */
export interface IVaultPolicy {
  /** The policy name. */
  readonly policyName: string;
  /** What to depend on so the policy exists first. @default none (a policy managed elsewhere) */
  readonly dependable?: ITerraformDependable;
}

export interface VaultPolicyProps {
  /** Policy name; also its address `vault_policy.policy_<name>`. */
  readonly name: string;
  /** Path rules, rendered in this order; at least one, each path once. */
  readonly rules: readonly VaultPathRule[];
}

/** A Vault ACL policy with typed path rules, rendered to Vault's HCL policy syntax. */
export class VaultPolicy extends Construct implements IVaultPolicy {
  /** A policy by name; where a declared policy is required (LDAP groups) the name is checked at synth. */
  static fromName(name: string): IVaultPolicy {
    return { policyName: name };
  }

  /** A policy that `module` creates (listed in its `provides.vault_policy`); dependents wait for the module. */
  static fromModule(module: RegistryModule, name: string): IVaultPolicy {
    return { policyName: module.provided(Policy.tfResourceType, name).name, dependable: module };
  }

  readonly policyName: string;
  readonly dependable: ITerraformDependable;
  /** The policy text as Vault receives it. */
  readonly document: string;
  /** The `vault_policy` resource. */
  readonly resource: Policy;

  constructor(scope: Construct, id: string, props: VaultPolicyProps) {
    super(scope, id);
    check(this, /^[A-Za-z0-9_.-]+$/.test(props.name), () => {
      return `policy name "${props.name}" is invalid (expected letters, digits, ".", "-" or "_")`;
    });
    check(this, !["root", "default"].includes(props.name), `"${props.name}" is a built-in Vault policy`);
    check(this, props.rules.length > 0, "rules is empty (expected at least one path rule)");
    const paths = new Set<string>();
    for (const rule of props.rules) {
      const where = `path "${rule.path}"`;
      check(this, rule.path.length > 0, "a rule has an empty path");
      check(this, !paths.has(rule.path), `${where}: appears twice (expected one rule per path)`);
      paths.add(rule.path);
      check(this, rule.capabilities.length > 0, `${where}: has no capabilities`);
      for (const capability of rule.capabilities) {
        check(this, VAULT_CAPABILITIES.includes(capability), () => {
          return `${where}: capability "${capability}" is unknown (expected one of ${VAULT_CAPABILITIES.join(", ")})`;
        });
      }
      check(this, !rule.capabilities.includes("deny") || rule.capabilities.length === 1, () => {
        return `${where}: "deny" overrides every other capability (expected it alone)`;
      });
    }
    this.policyName = props.name;
    this.document = renderVaultPolicy(props.rules);
    this.resource = new Policy(this, "resource", { name: props.name, policy: this.document });
    claimLogicalId(this.resource, logicalId("policy", props.name));
    this.dependable = this.resource;
    declare(this, Policy.tfResourceType, props.name);
  }

  /**
   * How `scope` should write this policy's name: a reference (an ordering edge) inside the same
   * stack, the plain name across stacks (no cross-stack outputs for a constant).
   */
  nameFor(scope: Construct): string {
    return TerraformStack.of(scope) === TerraformStack.of(this) ? this.resource.name : this.policyName;
  }
}
