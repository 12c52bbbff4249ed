import { AclPolicy } from "../bindings/consul/acl-policy";
import { Construct } from "../cdktf";
import { check } from "../core";
import { declare } from "../terraform/declarations";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import {
  CONSUL_NAMED_RESOURCES,
  CONSUL_SCALAR_RESOURCES,
  type ConsulRules,
  countConsulRules,
  renderConsulRules,
} from "./rules";

const POLICY_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const DISPOSITIONS = ["read", "write", "deny"];

/** Anything that names a Consul ACL policy. */
export interface IConsulAclPolicy {
  /** The policy name. */
  readonly policyName: string;
  /** The policy's Consul ID when created in this stack (roles link policies by ID); else undefined. */
  readonly policyId?: string;
}

export interface ConsulAclPolicyProps {
  /** Policy name (letters, digits, `-`, `_`); also its address `consul_acl_policy.policy_<name>`. */
  readonly name: string;
  /** Shown by `consul acl policy list`. @default empty */
  readonly description?: string;
  /** The typed rules; at least one. */
  readonly rules: ConsulRules;
  /** Datacenters the policy applies in. @default all */
  readonly datacenters?: readonly string[];
}

/** A Consul ACL policy with typed rules, rendered to Consul's HCL rule syntax. */
export class ConsulAclPolicy extends Construct implements IConsulAclPolicy {
  readonly policyName: string;
  readonly policyId: string;
  /** The `consul_acl_policy` resource. */
  readonly resource: AclPolicy;
  /** The rule text as Consul receives it. */
  readonly rules: string;

  constructor(scope: Construct, id: string, props: ConsulAclPolicyProps) {
    super(scope, id);
    check(this, POLICY_NAME.test(props.name), () => {
      return `policy name "${props.name}" is invalid (expected 1-128 letters, digits, "-" or "_")`;
    });
    check(this, countConsulRules(props.rules) > 0, "rules is empty (expected at least one rule)");
    for (const resource of CONSUL_SCALAR_RESOURCES) {
      const policy = props.rules[resource];
      check(this, policy === undefined || DISPOSITIONS.includes(policy), () => {
        return `rules.${resource}: "${policy}" is not a disposition (expected read, write or deny)`;
      });
    }
    for (const [field] of CONSUL_NAMED_RESOURCES) {
      const allowed = field === "key" || field === "keyPrefix" ? [...DISPOSITIONS, "list"] : DISPOSITIONS;
      for (const [name, policy] of Object.entries(props.rules[field] ?? {})) {
        check(this, allowed.includes(policy), () => {
          return `rules.${field}["${name}"]: "${policy}" is not a disposition (expected ${allowed.join(", ")})`;
        });
      }
    }
    this.policyName = props.name;
    this.rules = renderConsulRules(props.rules);
    this.resource = new AclPolicy(this, "resource", {
      name: props.name,
      description: props.description,
      rules: this.rules,
      datacenters: props.datacenters,
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("policy", props.name));
    this.policyId = resource.id;
    declare(this, AclPolicy.tfResourceType, props.name);
  }
}
