import { AclRole } from "../bindings/consul/acl-role";
import { Construct } from "../cdktf";
import { check, checkUnique, compareText } from "../core";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import type { ConsulAclPolicy } from "./acl-policy";

export interface ConsulServiceIdentity {
  /** Service name whose synthetic identity the role grants. */
  readonly serviceName: string;
  /** Datacenters the identity is valid in. @default all */
  readonly datacenters?: readonly string[];
}

export interface ConsulAclRoleProps {
  /** Role name; also its address `consul_acl_role.role_<name>`. */
  readonly name: string;
  /** Shown by `consul acl role list`. @default empty */
  readonly description?: string;
  /** Policies the role grants, by object (linked by ID). @default none */
  readonly policies?: readonly ConsulAclPolicy[];
  /** Service identities the role grants. @default none */
  readonly serviceIdentities?: readonly ConsulServiceIdentity[];
}

/** A Consul ACL role: policies and service identities that tokens link to together. */
export class ConsulAclRole extends Construct {
  readonly roleName: string;
  /** The `consul_acl_role` resource. */
  readonly resource: AclRole;

  constructor(scope: Construct, id: string, props: ConsulAclRoleProps) {
    super(scope, id);
    const policies = props.policies ?? [];
    const identities = props.serviceIdentities ?? [];
    check(this, policies.length + identities.length > 0, () => {
      return "role grants nothing (expected at least one policy or service identity)";
    });
    checkUnique(
      this,
      "policy",
      policies.map((p) => p.policyName),
    );
    this.roleName = props.name;
    this.resource = new AclRole(this, "resource", {
      name: props.name,
      description: props.description,
      policies:
        policies.length > 0
          ? [...policies].sort((a, b) => compareText(a.policyName, b.policyName)).map((p) => p.policyId)
          : undefined,
      serviceIdentities: identities.length > 0 ? identities : undefined,
    });
    const resource = this.resource;
    claimLogicalId(resource, logicalId("role", props.name));
  }
}
