import type { Construct, TerraformMetaArguments } from "../../cdktf";
import { BoundResource } from "../base";
import { CONSUL_GENERATOR_METADATA } from "./provider";

export interface AclPolicyConfig extends TerraformMetaArguments {
  /** Unique policy name. */
  readonly name: string;
  /** Human-readable description. @default empty */
  readonly description?: string;
  /** The rules, in Consul's HCL or JSON rule syntax. */
  readonly rules: string;
  /** Datacenters the policy is valid in. @default all */
  readonly datacenters?: readonly string[];
  /** Namespace (Enterprise). @default none */
  readonly namespace?: string;
}

/**
 * `consul_acl_policy`: an ACL policy registered in Consul.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/consul/2.10.1/docs/resources/acl_policy
 */
export class AclPolicy extends BoundResource<AclPolicyConfig> {
  static readonly tfResourceType = "consul_acl_policy";

  constructor(scope: Construct, id: string, config: AclPolicyConfig) {
    super(scope, id, AclPolicy.tfResourceType, CONSUL_GENERATOR_METADATA, config);
  }

  get name(): string {
    return this.getStringAttribute("name");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      name: this.config.name,
      description: this.config.description,
      rules: this.config.rules,
      datacenters: this.config.datacenters,
      namespace: this.config.namespace,
    };
  }
}
