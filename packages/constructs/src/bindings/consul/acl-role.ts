import type { Construct, TerraformMetaArguments } from "../../cdktf";
import { BoundResource } from "../base";
import { CONSUL_GENERATOR_METADATA } from "./provider";

/** Grants the role the permissions of a service's synthetic identity. */
export interface AclRoleServiceIdentity {
  /** Service name. */
  readonly serviceName: string;
  /** Datacenters the identity is valid in. @default all */
  readonly datacenters?: readonly string[];
}

export interface AclRoleConfig extends TerraformMetaArguments {
  /** Unique role name. */
  readonly name: string;
  /** Human-readable description. @default empty */
  readonly description?: string;
  /** IDs of the ACL policies the role grants. @default none */
  readonly policies?: readonly string[];
  /** Service identities the role grants (one block each). @default none */
  readonly serviceIdentities?: readonly AclRoleServiceIdentity[];
  /** Namespace (Enterprise). @default none */
  readonly namespace?: string;
}

/**
 * `consul_acl_role`: a named set of policies and service identities for tokens.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/consul/2.10.1/docs/resources/acl_role
 */
export class AclRole extends BoundResource<AclRoleConfig> {
  static readonly tfResourceType = "consul_acl_role";

  constructor(scope: Construct, id: string, config: AclRoleConfig) {
    super(scope, id, AclRole.tfResourceType, CONSUL_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      name: this.config.name,
      description: this.config.description,
      policies: this.config.policies,
      service_identities: this.config.serviceIdentities?.map((s) => ({
        service_name: s.serviceName,
        datacenters: s.datacenters,
      })),
      namespace: this.config.namespace,
    };
  }
}
