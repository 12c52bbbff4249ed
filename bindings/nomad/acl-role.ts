import type { Construct, TerraformMetaArguments } from "../../runtime/cdktf";
import { BoundResource } from "../base";
import { NOMAD_GENERATOR_METADATA } from "./provider";

export interface AclRoleConfig extends TerraformMetaArguments {
  /** Unique role name. */
  readonly name: string;
  /** Human-readable description; default empty. */
  readonly description?: string;
  /** Names of the ACL policies the role grants (one `policy` block each); at least one. */
  readonly policies: readonly string[];
}

/**
 * `nomad_acl_role`: a named set of ACL policies that tokens can be linked to.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/nomad/2.5.2/docs/resources/acl_role
 */
export class AclRole extends BoundResource<AclRoleConfig> {
  static readonly tfResourceType = "nomad_acl_role";

  constructor(scope: Construct, id: string, config: AclRoleConfig) {
    super(scope, id, AclRole.tfResourceType, NOMAD_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      name: this.config.name,
      description: this.config.description,
      policy: this.config.policies.map((name) => ({ name })),
    };
  }
}
